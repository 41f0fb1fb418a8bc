package io.couriermq.store.commitlog;

import io.couriermq.store.AppendedRecord;
import java.util.List;

/**
 * What one append wrote.
 *
 * @param records each record's offsets, in order
 * @param endOffset commit-log offset just past the last record: the flush must reach it for durability
 */
public record AppendResult(List<AppendedRecord> records, long endOffset) {}
