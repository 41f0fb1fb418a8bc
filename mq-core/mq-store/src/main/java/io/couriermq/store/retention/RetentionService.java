package io.couriermq.store.retention;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.store.RetentionHold;
import io.couriermq.store.RetentionPolicy;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.StorageHealth;
import io.couriermq.store.index.IndexService;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code cleanResourceInterval} ms: checks disk usage (refusing puts above the warning level) and
 * deletes commit-log segments last written more than {@code fileReservedTime} hours ago when the hour is
 * in {@code deleteWhen}, or the oldest segments at once when usage is above
 * {@code diskMaxUsedSpaceRatio}. Age-based deletion stops at the first segment a {@link RetentionHold}
 * still needs; a disk over the high-water mark deletes regardless. Then drops consume-queue and index files that only point below the
 * commit log's new first byte. The active segment is never deleted; a segment that a reader holds is
 * unmapped only when the reader lets go, and later reads of it get OFFSET_TOO_SMALL. The
 * {@link RetentionPolicy} may be replaced while running; each round reads the current one.
 */
public final class RetentionService extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    /** Segments deleted per round at most, so one round never stalls the disk. */
    private static final int MAX_SEGMENTS_PER_ROUND = 10;

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final DiskSpace diskSpace;
    private final StorageHealth health;
    private boolean overHighWaterReported;
    private final Clock clock;
    private volatile RetentionPolicy policy;
    private volatile Set<Integer> deleteHours;
    private final List<RetentionHold> holds = new CopyOnWriteArrayList<>();
    private long lastReportedHoldMs = Long.MIN_VALUE;
    private boolean firstRoundDone;

    public RetentionService(
            StoreConfig config,
            CommitLog commitLog,
            ConsumeQueueTable queues,
            IndexService index,
            DiskSpace diskSpace,
            StorageHealth health,
            Clock clock) {
        super("retention", config.cleanResourceInterval());
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.diskSpace = diskSpace;
        this.health = health;
        this.clock = clock;
        updatePolicy(RetentionPolicy.of(config));
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** Replaces the retention settings; the next round (or a running one's next check) uses them. */
    public synchronized void updatePolicy(RetentionPolicy newPolicy) {
        this.deleteHours = newPolicy.deleteHours();
        this.policy = newPolicy;
    }

    /** Segments holding offsets at or above what {@code hold} names survive age-based deletion. */
    public void addHold(RetentionHold hold) {
        holds.add(hold);
    }

    @Override
    protected void runOnce() {
        // The loop's first round comes right at open, before the parts that hold records (the timer)
        // have registered: it only checks the disk.
        runRound(!firstRoundDone);
        firstRoundDone = true;
    }

    /** One round; returns how many commit-log segments it deleted. */
    public int runRound() {
        return runRound(false);
    }

    /**
     * Deletes expired segments now, whatever the hour (RocketMQ's deleteExpiredCommitLog), round after
     * round until none is left to delete; holds are respected. Returns the segments deleted.
     */
    public synchronized int deleteExpiredNow() {
        int total = 0;
        int deleted;
        do {
            deleted = deleteExpired();
            total += deleted;
        } while (deleted == MAX_SEGMENTS_PER_ROUND);
        if (total > 0) {
            dropQueueAndIndexFiles();
        }
        return total;
    }

    /** Drops consume-queue files whose entries all point below the commit log; returns how many. */
    public synchronized int dropExpiredQueueFiles() {
        long commitLogMin = commitLog.minOffset();
        int queueFiles = 0;
        for (ConsumeQueue queue : queues.all()) {
            queue.correctMinOffset(commitLogMin);
            queueFiles += queue.deleteSegmentsBelowMinOffset();
        }
        return queueFiles;
    }

    private synchronized int runRound(boolean diskOnly) {
        RetentionPolicy current = policy;
        double used = diskSpace.usedRatio(config.storePathRootDir());
        health.diskUsage(config.storePathRootDir(), used, current.diskSpaceWarningLevelRatio());
        boolean overHighWater = used >= current.diskMaxUsedSpaceRatio() / 100.0;
        List<MappedFile> deleted;
        reportHighWater(overHighWater, used, current);
        if (overHighWater) {
            deleted = commitLog.segments().deleteFromHead(segment -> true, MAX_SEGMENTS_PER_ROUND);
        } else if (!diskOnly && isDeleteHour(clock.millis())) {
            deleted = commitLog.segments().deleteFromHead(expiredAndFree(), MAX_SEGMENTS_PER_ROUND);
        } else {
            deleted = List.of();
        }
        if (!deleted.isEmpty()) {
            log.info(
                    "retention deleted {} commit-log segments; commit log now starts at {}",
                    deleted.size(),
                    commitLog.minOffset());
            dropQueueAndIndexFiles();
        }
        return deleted.size();
    }

    /** Once when the disk goes over the high-water mark and once when it is back under, not every round. */
    private void reportHighWater(boolean overHighWater, double used, RetentionPolicy current) {
        if (overHighWater && !overHighWaterReported) {
            log.warn(
                    "disk {}% used, above diskMaxUsedSpaceRatio {}%: deleting the oldest segments each round{}",
                    Math.round(used * 100), current.diskMaxUsedSpaceRatio(), heldWarning());
        } else if (!overHighWater && overHighWaterReported) {
            log.info(
                    "disk {}% used, under diskMaxUsedSpaceRatio {}% again",
                    Math.round(used * 100), current.diskMaxUsedSpaceRatio());
        }
        overHighWaterReported = overHighWater;
    }

    private int deleteExpired() {
        int deleted = commitLog
                .segments()
                .deleteFromHead(expiredAndFree(), MAX_SEGMENTS_PER_ROUND)
                .size();
        if (deleted > 0) {
            log.info(
                    "deleted {} expired commit-log segments on request; commit log now starts at {}",
                    deleted,
                    commitLog.minOffset());
        }
        return deleted;
    }

    private Predicate<MappedFile> expiredAndFree() {
        long heldFrom = heldFrom();
        long reservedMs = TimeUnit.HOURS.toMillis(policy.fileReservedTime());
        return segment -> isExpired(segment, reservedMs) && isFree(segment, heldFrom);
    }

    private boolean isDeleteHour(long nowMs) {
        return deleteHours.contains(
                Instant.ofEpochMilli(nowMs).atZone(config.timeZone()).getHour());
    }

    /** The lowest offset any hold still needs. */
    private long heldFrom() {
        long heldFrom = Long.MAX_VALUE;
        for (RetentionHold hold : holds) {
            heldFrom = Math.min(heldFrom, hold.heldFromOffset());
        }
        return heldFrom;
    }

    private String heldWarning() {
        long heldFrom = heldFrom();
        return heldFrom < Long.MAX_VALUE
                ? "; records still held from offset " + heldFrom + " (" + holdNames() + ") may be lost"
                : "";
    }

    /** An expired segment that a hold still needs stays, with one log line an hour saying why. */
    private boolean isFree(MappedFile segment, long heldFrom) {
        if (segment.endOffset() <= heldFrom) {
            return true;
        }
        long nowMs = clock.millis();
        if (nowMs - lastReportedHoldMs >= TimeUnit.HOURS.toMillis(1)) {
            lastReportedHoldMs = nowMs;
            log.info(
                    "retention keeps expired segment {} and those after it: {} still needs records from offset {}",
                    segment.path().getFileName(),
                    holdNames(),
                    heldFrom);
        }
        return false;
    }

    private String holdNames() {
        return String.join(", ", holds.stream().map(RetentionHold::describe).toList());
    }

    private boolean isExpired(MappedFile segment, long reservedMs) {
        try {
            long lastWrittenMs = Files.getLastModifiedTime(segment.path()).toMillis();
            return clock.millis() - lastWrittenMs >= reservedMs;
        } catch (IOException e) {
            log.warn("cannot read the age of {}: {}", segment.path(), e.toString());
            return false;
        }
    }

    private void dropQueueAndIndexFiles() {
        int queueFiles = dropExpiredQueueFiles();
        int indexFiles = index.deleteBelow(commitLog.minOffset());
        log.info("retention deleted {} consume-queue and {} index files", queueFiles, indexFiles);
    }
}
