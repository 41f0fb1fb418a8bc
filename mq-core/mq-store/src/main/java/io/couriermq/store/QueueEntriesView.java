package io.couriermq.store;

import java.util.List;

/** Consume-queue entries read for an admin, with the queue's bounds when they were read. */
public record QueueEntriesView(long minOffset, long maxOffset, List<QueueEntry> entries) {

    public QueueEntriesView {
        entries = List.copyOf(entries);
    }
}
