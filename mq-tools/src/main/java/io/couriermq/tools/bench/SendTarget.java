package io.couriermq.tools.bench;

/** Where one send goes: a topic and one of its queues. */
public record SendTarget(String topic, BenchQueue queue) {
    @Override
    public String toString() {
        return topic + "@" + queue;
    }
}
