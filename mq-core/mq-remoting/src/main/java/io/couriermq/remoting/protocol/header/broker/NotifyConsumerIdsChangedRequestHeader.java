package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** NOTIFY_CONSUMER_IDS_CHANGED header (broker to client, oneway): the group that should rebalance now. */
public record NotifyConsumerIdsChangedRequestHeader(String consumerGroup) implements CommandHeader {

    public static NotifyConsumerIdsChangedRequestHeader decode(HeaderFields fields) {
        return new NotifyConsumerIdsChangedRequestHeader(fields.requireString("consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
    }
}
