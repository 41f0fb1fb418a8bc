package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * LOCK_BATCH_MQ body: an orderly consumer asks to own these queues. {@code onlyThisBroker} (5.x) is for
 * strict replica locking and may be ignored.
 */
@JsonPropertyOrder({"clientId", "consumerGroup", "mqSet", "onlyThisBroker"})
public record LockBatchRequestBody(
        String consumerGroup,
        String clientId,
        boolean onlyThisBroker,
        @JsonDeserialize(as = LinkedHashSet.class) Set<MessageQueue> mqSet) {

    public LockBatchRequestBody {
        mqSet = Copies.orderedSet(mqSet);
    }
}
