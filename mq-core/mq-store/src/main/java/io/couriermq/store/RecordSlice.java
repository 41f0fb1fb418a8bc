package io.couriermq.store;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stored record handed out without copying: a read-only slice of the mapped segment, in the exact
 * stored-message layout, ready to be wrapped into a network buffer.
 *
 * <p>The slice pins its segment: retention cannot unmap it until {@link #close()} is called. Close every
 * slice (or the {@link GetResult} holding it) once its bytes are written out; closing twice is harmless.
 */
public final class RecordSlice implements AutoCloseable {
    private final ByteBuffer buffer;
    private final long commitLogOffset;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    public RecordSlice(ByteBuffer buffer, long commitLogOffset, Runnable release) {
        this.buffer = buffer;
        this.commitLogOffset = commitLogOffset;
        this.release = release;
    }

    /** The record bytes: a fresh read-only view each call, position 0, limit = record size. */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    public long commitLogOffset() {
        return commitLogOffset;
    }

    public int sizeBytes() {
        return buffer.remaining();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
