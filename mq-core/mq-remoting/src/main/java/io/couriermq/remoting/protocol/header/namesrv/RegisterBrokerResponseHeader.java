package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** REGISTER_BROKER response: for a slave, where its master and the master's HA port are. */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) implements CommandHeader {

    public static RegisterBrokerResponseHeader decode(HeaderFields fields) {
        return new RegisterBrokerResponseHeader(
                fields.optionalString("haServerAddr"), fields.optionalString("masterAddr"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        if (haServerAddr != null) {
            extFields.put("haServerAddr", haServerAddr);
        }
        if (masterAddr != null) {
            extFields.put("masterAddr", masterAddr);
        }
    }
}
