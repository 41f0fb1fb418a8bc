package io.couriermq.store;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Store settings. Names follow RocketMQ's broker.conf keys where RocketMQ has one (including its
 * spelling of {@code warmMapedFileEnable}), so the broker can bind them unchanged; units are as in
 * RocketMQ: bytes, milliseconds, hours for {@code fileReservedTime}, percent for
 * {@code diskMaxUsedSpaceRatio}.
 *
 * @param storePathRootDir root of commitlog/, consumequeue/, index/, checkpoint and abort
 * @param mappedFileSizeCommitLog bytes per commit-log segment
 * @param mappedFileSizeConsumeQueue bytes per consume-queue segment, a multiple of 20
 * @param flushDiskType SYNC_FLUSH or ASYNC_FLUSH
 * @param flushIntervalCommitLog ms between forces with ASYNC_FLUSH
 * @param syncFlushTimeout ms a SYNC_FLUSH put waits before FLUSH_DISK_TIMEOUT
 * @param flushIntervalConsumeQueue ms between checkpoints (consume queues and index forced first)
 * @param maxMessageSize largest record (or batch) in bytes
 * @param fileReservedTime hours a commit-log segment is kept
 * @param deleteWhen hours of the day, e.g. "04" or "04;16", when expired segments are deleted
 * @param diskMaxUsedSpaceRatio percent of disk use above which the oldest segments are deleted at once
 * @param diskSpaceWarningLevelRatio fraction of disk use above which puts are refused
 * @param cleanResourceInterval ms between retention rounds (also the disk-usage check)
 * @param maxHashSlotNum hash slots per index file
 * @param maxIndexNum entries per index file
 * @param warmMapedFileEnable allocate and touch every page of a new commit-log segment before use (off
 *     the append path); without it the append path allocates 1 MiB ahead as it goes
 * @param checkCRCOnRecover check body CRCs when recovering after a crash
 * @param maxTransferCountOnMessageInMemory most messages one read returns
 * @param maxTransferBytesOnMessageInMemory most bytes one read returns (at least one message)
 * @param timeZone zone in which {@code deleteWhen} hours are read
 * @param maxMappedConsumeQueueFiles consume-queue segments mapped at once; over it the queues used least
 *     recently are unmapped until next used. Linux allows a process 65,530 mappings by default, and the
 *     commit log, the index and the JVM need some too
 */
public record StoreConfig(
        Path storePathRootDir,
        int mappedFileSizeCommitLog,
        int mappedFileSizeConsumeQueue,
        FlushDiskType flushDiskType,
        long flushIntervalCommitLog,
        long syncFlushTimeout,
        long flushIntervalConsumeQueue,
        int maxMessageSize,
        int fileReservedTime,
        String deleteWhen,
        int diskMaxUsedSpaceRatio,
        double diskSpaceWarningLevelRatio,
        long cleanResourceInterval,
        int maxHashSlotNum,
        int maxIndexNum,
        boolean warmMapedFileEnable,
        boolean checkCRCOnRecover,
        int maxTransferCountOnMessageInMemory,
        int maxTransferBytesOnMessageInMemory,
        ZoneId timeZone,
        int maxMappedConsumeQueueFiles) {

    public StoreConfig {
        Objects.requireNonNull(storePathRootDir, "storePathRootDir");
        Objects.requireNonNull(flushDiskType, "flushDiskType");
        Objects.requireNonNull(deleteWhen, "deleteWhen");
        Objects.requireNonNull(timeZone, "timeZone");
        StoreLimits.segments(mappedFileSizeCommitLog, mappedFileSizeConsumeQueue, maxMessageSize);
        StoreLimits.positive("flushIntervalCommitLog", flushIntervalCommitLog, "ms");
        StoreLimits.positive("syncFlushTimeout", syncFlushTimeout, "ms");
        StoreLimits.positive("flushIntervalConsumeQueue", flushIntervalConsumeQueue, "ms");
        StoreLimits.positive("cleanResourceInterval", cleanResourceInterval, "ms");
        StoreLimits.positive("maxTransferCountOnMessageInMemory", maxTransferCountOnMessageInMemory, "messages");
        StoreLimits.positive("maxTransferBytesOnMessageInMemory", maxTransferBytesOnMessageInMemory, "bytes");
        StoreLimits.index(maxHashSlotNum, maxIndexNum);
        StoreLimits.positive("maxMappedConsumeQueueFiles", maxMappedConsumeQueueFiles, "files");
        new RetentionPolicy(fileReservedTime, deleteWhen, diskMaxUsedSpaceRatio, diskSpaceWarningLevelRatio);
    }

    /** Leaves room under Linux's default of 65,530 mappings for the commit log, the index and the JVM. */
    public static final int DEFAULT_MAX_MAPPED_CONSUME_QUEUE_FILES = 40_000;

    public static Builder builder(Path storePathRootDir) {
        return new Builder(storePathRootDir);
    }

    public Path commitLogDir() {
        return storePathRootDir.resolve("commitlog");
    }

    public Path consumeQueueDir() {
        return storePathRootDir.resolve("consumequeue");
    }

    public Path indexDir() {
        return storePathRootDir.resolve("index");
    }

    public Path checkpointFile() {
        return storePathRootDir.resolve("checkpoint");
    }

    public Path abortFile() {
        return storePathRootDir.resolve("abort");
    }

    /** Builds a {@link StoreConfig} from RocketMQ's defaults. */
    public static final class Builder {
        private final Path storePathRootDir;
        private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;
        private int mappedFileSizeConsumeQueue = 300_000 * 20;
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        private long flushIntervalCommitLog = 500;
        private long syncFlushTimeout = 5_000;
        private long flushIntervalConsumeQueue = 1_000;
        private int maxMessageSize = 4 * 1024 * 1024;
        private int fileReservedTime = 72;
        private String deleteWhen = "04";
        private int diskMaxUsedSpaceRatio = 75;
        private double diskSpaceWarningLevelRatio = 0.90;
        private long cleanResourceInterval = 10_000;
        private int maxHashSlotNum = 5_000_000;
        private int maxIndexNum = 20_000_000;
        private boolean warmMapedFileEnable;
        private boolean checkCRCOnRecover = true;
        private int maxTransferCountOnMessageInMemory = 32;
        private int maxTransferBytesOnMessageInMemory = 256 * 1024;
        private ZoneId timeZone = ZoneId.systemDefault();
        private int maxMappedConsumeQueueFiles = DEFAULT_MAX_MAPPED_CONSUME_QUEUE_FILES;

        private Builder(Path storePathRootDir) {
            this.storePathRootDir = storePathRootDir;
        }

        public Builder mappedFileSizeCommitLog(int bytes) {
            this.mappedFileSizeCommitLog = bytes;
            return this;
        }

        public Builder mappedFileSizeConsumeQueue(int bytes) {
            this.mappedFileSizeConsumeQueue = bytes;
            return this;
        }

        public Builder flushDiskType(FlushDiskType type) {
            this.flushDiskType = type;
            return this;
        }

        public Builder flushIntervalCommitLog(long ms) {
            this.flushIntervalCommitLog = ms;
            return this;
        }

        public Builder syncFlushTimeout(long ms) {
            this.syncFlushTimeout = ms;
            return this;
        }

        public Builder flushIntervalConsumeQueue(long ms) {
            this.flushIntervalConsumeQueue = ms;
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder fileReservedTime(int hours) {
            this.fileReservedTime = hours;
            return this;
        }

        public Builder deleteWhen(String hours) {
            this.deleteWhen = hours;
            return this;
        }

        public Builder diskMaxUsedSpaceRatio(int percent) {
            this.diskMaxUsedSpaceRatio = percent;
            return this;
        }

        public Builder diskSpaceWarningLevelRatio(double ratio) {
            this.diskSpaceWarningLevelRatio = ratio;
            return this;
        }

        public Builder cleanResourceInterval(long ms) {
            this.cleanResourceInterval = ms;
            return this;
        }

        public Builder maxHashSlotNum(int slots) {
            this.maxHashSlotNum = slots;
            return this;
        }

        public Builder maxIndexNum(int entries) {
            this.maxIndexNum = entries;
            return this;
        }

        public Builder warmMapedFileEnable(boolean enable) {
            this.warmMapedFileEnable = enable;
            return this;
        }

        public Builder checkCRCOnRecover(boolean check) {
            this.checkCRCOnRecover = check;
            return this;
        }

        public Builder maxTransferCountOnMessageInMemory(int count) {
            this.maxTransferCountOnMessageInMemory = count;
            return this;
        }

        public Builder maxTransferBytesOnMessageInMemory(int bytes) {
            this.maxTransferBytesOnMessageInMemory = bytes;
            return this;
        }

        public Builder maxMappedConsumeQueueFiles(int files) {
            this.maxMappedConsumeQueueFiles = files;
            return this;
        }

        public Builder timeZone(ZoneId zone) {
            this.timeZone = zone;
            return this;
        }

        public StoreConfig build() {
            return new StoreConfig(
                    storePathRootDir,
                    mappedFileSizeCommitLog,
                    mappedFileSizeConsumeQueue,
                    flushDiskType,
                    flushIntervalCommitLog,
                    syncFlushTimeout,
                    flushIntervalConsumeQueue,
                    maxMessageSize,
                    fileReservedTime,
                    deleteWhen,
                    diskMaxUsedSpaceRatio,
                    diskSpaceWarningLevelRatio,
                    cleanResourceInterval,
                    maxHashSlotNum,
                    maxIndexNum,
                    warmMapedFileEnable,
                    checkCRCOnRecover,
                    maxTransferCountOnMessageInMemory,
                    maxTransferBytesOnMessageInMemory,
                    timeZone,
                    maxMappedConsumeQueueFiles);
        }
    }
}
