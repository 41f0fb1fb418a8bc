package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_CONSUMER_CONNECTION_LIST header: the group whose connections and subscriptions admin asks for. */
public record GetConsumerConnectionListRequestHeader(String consumerGroup) implements CommandHeader {

    public static GetConsumerConnectionListRequestHeader decode(HeaderFields fields) {
        return new GetConsumerConnectionListRequestHeader(fields.requireString("consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
    }
}
