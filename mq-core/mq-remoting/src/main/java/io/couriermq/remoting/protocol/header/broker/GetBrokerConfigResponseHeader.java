package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_BROKER_CONFIG response header: the configuration's data version as JSON, as RocketMQ sends it. */
public record GetBrokerConfigResponseHeader(String version) implements CommandHeader {

    public static GetBrokerConfigResponseHeader decode(HeaderFields fields) {
        return new GetBrokerConfigResponseHeader(fields.requireString("version"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("version", version);
    }
}
