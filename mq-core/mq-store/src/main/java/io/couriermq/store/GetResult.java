package io.couriermq.store;

import java.util.List;

/**
 * Messages read from one queue, as zero-copy slices of the stored records, plus where to continue.
 * Close it once the bytes are written out: the slices pin their segments.
 *
 * @param status what the read found
 * @param nextBeginOffset the offset to read from next time
 * @param minOffset the queue's min offset at the time of the read
 * @param maxOffset the queue's max offset at the time of the read
 * @param records the matched records in queue order (empty unless FOUND)
 */
public record GetResult(
        GetStatus status, long nextBeginOffset, long minOffset, long maxOffset, List<RecordSlice> records)
        implements AutoCloseable {

    public GetResult {
        records = List.copyOf(records);
    }

    public static GetResult empty(GetStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        return new GetResult(status, nextBeginOffset, minOffset, maxOffset, List.of());
    }

    public int messageCount() {
        return records.size();
    }

    public int totalSizeBytes() {
        return records.stream().mapToInt(RecordSlice::sizeBytes).sum();
    }

    @Override
    public void close() {
        records.forEach(RecordSlice::close);
    }
}
