package io.couriermq.tools.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Round robin over the writable queues; safe for any number of sending threads. */
public final class QueueSelector {
    private final List<BenchQueue> queues;
    private final AtomicInteger next = new AtomicInteger();

    public QueueSelector(List<BenchQueue> queues) {
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("no writable queue to send to");
        }
        this.queues = List.copyOf(queues);
    }

    public BenchQueue next() {
        return queues.get(Math.floorMod(next.getAndIncrement(), queues.size()));
    }
}
