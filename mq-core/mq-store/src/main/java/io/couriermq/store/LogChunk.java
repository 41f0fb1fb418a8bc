package io.couriermq.store;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raw commit-log bytes for replication: a read-only view of one segment's written bytes, which may begin
 * and end inside records. It pins its segment until {@link #close()} (closing twice is harmless).
 */
public final class LogChunk implements AutoCloseable {
    private final ByteBuffer bytes;
    private final long startOffset;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    public LogChunk(ByteBuffer bytes, long startOffset, Runnable release) {
        this.bytes = bytes;
        this.startOffset = startOffset;
        this.release = release;
    }

    /** A fresh read-only view each call, position 0. */
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    /** Commit-log offset of the first byte. */
    public long startOffset() {
        return startOffset;
    }

    public int sizeBytes() {
        return bytes.remaining();
    }

    public long endOffset() {
        return startOffset + sizeBytes();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
