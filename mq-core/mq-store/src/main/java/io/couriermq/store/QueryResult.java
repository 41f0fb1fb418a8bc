package io.couriermq.store;

import java.util.List;

/**
 * Messages found by key, newest first, as zero-copy slices; close it when done.
 *
 * @param records the matching records
 * @param indexLastUpdateTimestampMs store time of the newest indexed record (QUERY_MESSAGE response header)
 * @param indexLastUpdateCommitLogOffset commit-log offset of the newest indexed record
 */
public record QueryResult(
        List<RecordSlice> records, long indexLastUpdateTimestampMs, long indexLastUpdateCommitLogOffset)
        implements AutoCloseable {

    public QueryResult {
        records = List.copyOf(records);
    }

    @Override
    public void close() {
        records.forEach(RecordSlice::close);
    }
}
