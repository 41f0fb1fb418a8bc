package io.couriermq.tools.bench;

import java.util.List;

/**
 * The queues of a topic as the load generator uses them: writable queues of brokers that have a
 * master (sends) and readable queues of the same (pulls), ordered by broker name then queue id. Plain
 * data, so the runners and stats need no protocol types: each transport builds it from its own route.
 */
public final class TopicRoute {
    private final List<BenchQueue> writable;
    private final List<BenchQueue> readable;

    private TopicRoute(List<BenchQueue> writable, List<BenchQueue> readable) {
        this.writable = List.copyOf(writable);
        this.readable = List.copyOf(readable);
    }

    /** A route of the given queues, already filtered to brokers with a master and ordered. */
    public static TopicRoute of(List<BenchQueue> writable, List<BenchQueue> readable) {
        return new TopicRoute(writable, readable);
    }

    public List<BenchQueue> writableQueues() {
        return writable;
    }

    public List<BenchQueue> readableQueues() {
        return readable;
    }
}
