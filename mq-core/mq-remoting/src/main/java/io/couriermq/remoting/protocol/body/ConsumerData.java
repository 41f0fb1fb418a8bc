package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A consumer group running on the heartbeating client: how it consumes and what it subscribes to. */
@JsonPropertyOrder({"consumeFromWhere", "consumeType", "groupName", "messageModel", "subscriptionDataSet", "unitMode"})
public record ConsumerData(
        String groupName,
        ConsumeType consumeType,
        MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere,
        @JsonDeserialize(as = LinkedHashSet.class) Set<SubscriptionData> subscriptionDataSet,
        boolean unitMode) {

    public ConsumerData {
        subscriptionDataSet = Copies.orderedSet(subscriptionDataSet);
    }
}
