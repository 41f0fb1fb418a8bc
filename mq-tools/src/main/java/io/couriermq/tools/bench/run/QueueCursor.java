package io.couriermq.tools.bench.run;

import io.couriermq.tools.bench.BenchQueue;

/** Where a drain stands on one queue: the next offset to pull and the offset that means caught up. */
final class QueueCursor {
    static final int MAX_CONSECUTIVE_ERRORS = 10;

    final BenchQueue queue;
    final long targetOffset;
    long nextOffset;
    int consecutiveErrors;

    QueueCursor(BenchQueue queue, long nextOffset, long targetOffset) {
        this.queue = queue;
        this.nextOffset = nextOffset;
        this.targetOffset = targetOffset;
    }

    boolean caughtUp() {
        return nextOffset >= targetOffset;
    }

    boolean givenUp() {
        return consecutiveErrors >= MAX_CONSECUTIVE_ERRORS;
    }
}
