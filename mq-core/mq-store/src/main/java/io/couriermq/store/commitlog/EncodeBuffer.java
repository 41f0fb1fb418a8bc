package io.couriermq.store.commitlog;

import java.nio.ByteBuffer;

/**
 * A per-thread heap buffer to encode records in before taking the append lock. It starts small and grows
 * to the record limit only for a thread that once needed it, so threads sending small messages keep
 * small buffers.
 */
final class EncodeBuffer {
    private static final int INITIAL_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BYTES));

    private EncodeBuffer() {}

    /** This thread's buffer, cleared. */
    static ByteBuffer current() {
        return BUFFER.get().clear();
    }

    /** Replaces this thread's buffer with one of at least {@code bytes}, cleared. */
    static ByteBuffer grow(int bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        BUFFER.set(buffer);
        return buffer;
    }
}
