package io.couriermq.store;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an operator may ask a file store to do besides reading and writing (RocketMQ's
 * deleteExpiredCommitLog, cleanExpiredCQ, cleanUnusedTopic, queryCq and the live retention settings).
 */
public interface StoreMaintenance {

    /** The retention settings in force. */
    RetentionPolicy retentionPolicy();

    /** Replaces the retention settings; the next retention round uses them. */
    void updateRetentionPolicy(RetentionPolicy policy);

    /**
     * Deletes now the commit-log segments older than {@code fileReservedTime}, whatever the hour
     * ({@code deleteWhen} is not waited for; retention holds still are), with the consume-queue and index
     * files that point only below the new first byte. Returns the commit-log segments deleted.
     */
    int deleteExpiredCommitLogNow();

    /**
     * Drops consume-queue files all of whose entries point below the commit log's first byte (never a
     * queue's last file, which carries its next offset). Returns the files deleted.
     */
    int cleanExpiredConsumeQueues();

    /**
     * Deletes the consume queues (files and directories) of every topic {@code inUse} rejects, as after
     * the topic was deleted. Returns the topics removed.
     */
    int cleanUnusedTopics(Predicate<String> inUse);

    /**
     * Up to {@code maxCount} entries of a queue from {@code fromOffset} (none when that offset is not kept);
     * empty for an unknown queue.
     */
    Optional<QueueEntriesView> queueEntries(String topic, int queueId, long fromOffset, int maxCount);
}
