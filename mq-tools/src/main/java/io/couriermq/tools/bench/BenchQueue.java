package io.couriermq.tools.bench;

/** One queue of the topic: the broker group that holds it, its master's address, and its id. */
public record BenchQueue(String brokerName, String brokerAddress, int queueId) {
    @Override
    public String toString() {
        return brokerName + "@" + brokerAddress + "#" + queueId;
    }
}
