package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/** LOCK_BATCH_MQ response: the requested queues the caller now holds (matched by equals on the client). */
public record LockBatchResponseBody(
        @JsonDeserialize(as = LinkedHashSet.class) @JsonProperty("lockOKMQSet")
        Set<MessageQueue> lockOkMqSet) {

    public LockBatchResponseBody {
        lockOkMqSet = Copies.orderedSet(lockOkMqSet);
    }
}
