package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * REGISTER_BROKER header. {@code heartbeatTimeoutMillis} and {@code enableActingMaster} are sent by 5.x
 * brokers only; {@code bodyCrc32} of 0 (or absent) disables the body check.
 */
public record RegisterBrokerRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        String haServerAddr,
        long brokerId,
        Long heartbeatTimeoutMillis,
        Boolean enableActingMaster,
        boolean compressed,
        int bodyCrc32)
        implements CommandHeader {

    public static RegisterBrokerRequestHeader decode(HeaderFields fields) {
        return new RegisterBrokerRequestHeader(
                fields.requireString("brokerName"),
                fields.requireString("brokerAddr"),
                fields.requireString("clusterName"),
                fields.optionalString("haServerAddr"),
                fields.requireLong("brokerId"),
                fields.optionalLong("heartbeatTimeoutMillis"),
                fields.optionalBoolean("enableActingMaster"),
                fields.booleanOr("compressed", false),
                fields.intOr("bodyCrc32", 0));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("brokerName", brokerName);
        extFields.put("brokerAddr", brokerAddr);
        extFields.put("clusterName", clusterName);
        if (haServerAddr != null) {
            extFields.put("haServerAddr", haServerAddr);
        }
        extFields.put("brokerId", Long.toString(brokerId));
        if (heartbeatTimeoutMillis != null) {
            extFields.put("heartbeatTimeoutMillis", heartbeatTimeoutMillis.toString());
        }
        if (enableActingMaster != null) {
            extFields.put("enableActingMaster", enableActingMaster.toString());
        }
        extFields.put("compressed", Boolean.toString(compressed));
        extFields.put("bodyCrc32", Integer.toString(bodyCrc32));
    }
}
