package io.couriermq.broker.ha;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The two message shapes of the HA protocol. */
final class HaFrames {
    /** A slave's report: its commit-log max offset. */
    static final int REPORT_BYTES = 8;
    /** A master's frame header: start offset and body size. */
    static final int HEADER_BYTES = 12;
    /** The largest body a slave accepts, whatever the master's haTransferBatchSize. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private HaFrames() {}

    static ByteBuf report(ByteBufAllocator allocator, long maxOffset) {
        return allocator.buffer(REPORT_BYTES).writeLong(maxOffset);
    }

    static ByteBuf header(ByteBufAllocator allocator, long startOffset, int bodyBytes) {
        return allocator.buffer(HEADER_BYTES).writeLong(startOffset).writeInt(bodyBytes);
    }
}
