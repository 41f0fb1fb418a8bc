package io.couriermq.console.data;

/** One queue of a topic: the offsets it holds and when it was last written (0 = never). */
public record QueueRow(String brokerName, int queueId, long minOffset, long maxOffset, long lastUpdateMs) {

    public long messageCount() {
        return maxOffset - minOffset;
    }
}
