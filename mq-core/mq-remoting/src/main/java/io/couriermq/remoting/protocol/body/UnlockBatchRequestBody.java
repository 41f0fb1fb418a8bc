package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/** UNLOCK_BATCH_MQ body: an orderly consumer gives these queues up (only its own locks are released). */
@JsonPropertyOrder({"clientId", "consumerGroup", "mqSet", "onlyThisBroker"})
public record UnlockBatchRequestBody(
        String consumerGroup,
        String clientId,
        boolean onlyThisBroker,
        @JsonDeserialize(as = LinkedHashSet.class) Set<MessageQueue> mqSet) {

    public UnlockBatchRequestBody {
        mqSet = Copies.orderedSet(mqSet);
    }
}
