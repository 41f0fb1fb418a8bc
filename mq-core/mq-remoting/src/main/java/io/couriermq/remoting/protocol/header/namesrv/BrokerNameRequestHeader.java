package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** WIPE_WRITE_PERM_OF_BROKER and ADD_WRITE_PERM_OF_BROKER: the broker name. */
public record BrokerNameRequestHeader(String brokerName) implements CommandHeader {

    public static BrokerNameRequestHeader decode(HeaderFields fields) {
        return new BrokerNameRequestHeader(fields.requireString("brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("brokerName", brokerName);
    }
}
