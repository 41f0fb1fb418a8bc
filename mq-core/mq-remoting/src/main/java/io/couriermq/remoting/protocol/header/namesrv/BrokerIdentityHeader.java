package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** The header of UNREGISTER_BROKER and QUERY_DATA_VERSION: which broker is speaking. */
public record BrokerIdentityHeader(String brokerName, String brokerAddr, String clusterName, long brokerId)
        implements CommandHeader {

    public static BrokerIdentityHeader decode(HeaderFields fields) {
        return new BrokerIdentityHeader(
                fields.requireString("brokerName"),
                fields.requireString("brokerAddr"),
                fields.requireString("clusterName"),
                fields.requireLong("brokerId"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("brokerName", brokerName);
        extFields.put("brokerAddr", brokerAddr);
        extFields.put("clusterName", clusterName);
        extFields.put("brokerId", Long.toString(brokerId));
    }
}
