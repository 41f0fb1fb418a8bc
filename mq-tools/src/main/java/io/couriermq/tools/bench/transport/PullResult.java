package io.couriermq.tools.bench.transport;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The answer to one pull.
 *
 * @param outcome SUCCESS when messages came; PULL_NOT_FOUND, PULL_OFFSET_MOVED, ... otherwise
 * @param nextBeginOffset where to pull next (unchanged offset when the broker did not say)
 * @param maxOffset the queue's max offset as the broker reported it, -1 when unknown
 * @param bodies the bodies of the pulled messages, in queue order
 */
public record PullResult(Outcome outcome, long nextBeginOffset, long maxOffset, List<ByteBuffer> bodies) {
    public PullResult {
        bodies = List.copyOf(bodies);
    }
}
