package io.couriermq.console.data;

/** A group's progress on one queue: the broker's max offset, the committed offset and the difference. */
public record GroupQueueRow(
        String topic, String brokerName, int queueId, long brokerOffset, long consumerOffset, long lastTimestampMs) {

    public long lag() {
        return Math.max(0, brokerOffset - consumerOffset);
    }
}
