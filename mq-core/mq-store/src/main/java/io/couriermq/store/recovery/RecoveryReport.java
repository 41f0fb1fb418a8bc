package io.couriermq.store.recovery;

/**
 * What recovery did. The work it reports ({@code scannedBytes}, {@code redispatchedRecords}) is bounded
 * by the tail after the last checkpoint, whatever the size of the store.
 *
 * @param afterCrash the abort marker was found: the last run did not shut down cleanly
 * @param startOffset where checking began (from the checkpoint)
 * @param validEndOffset end of the last valid record: the commit log now ends here
 * @param scannedBytes commit-log bytes checked
 * @param scannedRecords records checked
 * @param redispatchedRecords records whose consume-queue and index entries were rewritten
 */
public record RecoveryReport(
        boolean afterCrash,
        long startOffset,
        long validEndOffset,
        long scannedBytes,
        long scannedRecords,
        long redispatchedRecords) {}
