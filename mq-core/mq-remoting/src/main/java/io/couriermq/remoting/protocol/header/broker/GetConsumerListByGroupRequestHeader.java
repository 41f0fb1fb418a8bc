package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_CONSUMER_LIST_BY_GROUP header: the group whose live client ids a consumer rebalances against. */
public record GetConsumerListByGroupRequestHeader(String consumerGroup) implements CommandHeader {

    public static GetConsumerListByGroupRequestHeader decode(HeaderFields fields) {
        return new GetConsumerListByGroupRequestHeader(fields.requireString("consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
    }
}
