package io.couriermq.remoting.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A body written to the socket as it is, without copying: typically slices of mapped commit-log files
 * served by a pull. Whoever owns the buffers is told through {@code release} once they are no longer
 * needed (the write finished or failed, or the response was dropped); it runs at most once.
 */
public final class BufferBody {
    private final List<ByteBuffer> buffers;
    private final Runnable release;
    private final int length;
    private final AtomicBoolean released = new AtomicBoolean();

    public BufferBody(List<ByteBuffer> buffers, Runnable release) {
        this.buffers = List.copyOf(buffers);
        this.release = release;
        this.length = this.buffers.stream().mapToInt(ByteBuffer::remaining).sum();
    }

    /** Read-only views of the buffers, positioned at their content. */
    public List<ByteBuffer> buffers() {
        return buffers.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
    }

    public int length() {
        return length;
    }

    /** Lets the owner reclaim the buffers. Idempotent. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
