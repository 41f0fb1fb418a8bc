package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Map;

/**
 * Where a consumer keeps its committed offsets: the next offset to consume per queue. Clustering groups
 * keep them on the broker (every member must see them), broadcasting instances in a local file (each
 * instance has its own progress).
 */
public interface OffsetStore {

    /** The offset this process holds for {@code queue}, or -1. */
    long readMemory(MessageQueue queue);

    /**
     * The persisted offset of {@code queue} (also remembered in memory), or -1 when there is none; fails
     * with a ClientException when the store cannot be asked now.
     */
    long readStored(MessageQueue queue);

    /** Sets the offset; with {@code increaseOnly} a smaller value than the current one is ignored. */
    void update(MessageQueue queue, long offset, boolean increaseOnly);

    /** Writes every offset that changed since the last write. */
    void persistAll();

    /** Writes every offset held and waits until written (shutdown: nothing may be lost to a oneway). */
    default void persistAllAndWait() {
        persistAll();
    }

    /** Writes the offset of one queue now (a queue being given up). */
    void persist(MessageQueue queue);

    /** Forgets a queue this process no longer consumes. */
    void remove(MessageQueue queue);

    Map<MessageQueue, Long> snapshot();
}
