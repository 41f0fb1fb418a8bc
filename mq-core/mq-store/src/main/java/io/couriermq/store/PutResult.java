package io.couriermq.store;

import java.util.List;

/**
 * Outcome of a put.
 *
 * @param status what happened
 * @param records where each message landed, in order (empty unless appended)
 * @param detail why the put failed, for logs and the response remark; empty when PUT_OK
 */
public record PutResult(PutStatus status, List<AppendedRecord> records, String detail) {
    public PutResult {
        records = List.copyOf(records);
    }

    public static PutResult ok(List<AppendedRecord> records) {
        return new PutResult(PutStatus.PUT_OK, records, "");
    }

    public static PutResult failed(PutStatus status, String detail) {
        return new PutResult(status, List.of(), detail);
    }

    public boolean isOk() {
        return status == PutStatus.PUT_OK;
    }

    /** Whether the messages are in the log, confirmed or not (PUT_OK and the timeouts of flush and slaves). */
    public boolean isStored() {
        return !records.isEmpty();
    }

    /** Commit-log offset one past the last appended byte; -1 if nothing was appended. */
    public long endCommitLogOffset() {
        if (records.isEmpty()) {
            return -1;
        }
        AppendedRecord last = records.get(records.size() - 1);
        return last.commitLogOffset() + last.sizeBytes();
    }

    /** Same records, another status and detail. */
    public PutResult withStatus(PutStatus newStatus, String newDetail) {
        return new PutResult(newStatus, records, newDetail);
    }

    /** Queue offset of the first message (SEND response {@code queueOffset}); -1 if nothing was appended. */
    public long firstQueueOffset() {
        return records.isEmpty() ? -1 : records.get(0).queueOffset();
    }

    /** Commit-log offset of the first message; -1 if nothing was appended. */
    public long firstCommitLogOffset() {
        return records.isEmpty() ? -1 : records.get(0).commitLogOffset();
    }

    public PutResult withStatus(PutStatus newStatus) {
        return new PutResult(newStatus, records, newStatus == PutStatus.PUT_OK ? "" : newStatus.name());
    }
}
