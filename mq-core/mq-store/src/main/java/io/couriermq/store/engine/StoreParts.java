package io.couriermq.store.engine;

import io.couriermq.common.time.Clock;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.checkpoint.AbortMarker;
import io.couriermq.store.checkpoint.CheckpointFile;
import io.couriermq.store.checkpoint.CheckpointService;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.commitlog.QueueOffsetTable;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentAllocator;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StorageHealth;
import io.couriermq.store.flush.FlushService;
import io.couriermq.store.flush.GroupCommitService;
import io.couriermq.store.flush.IntervalFlushService;
import io.couriermq.store.index.IndexService;
import io.couriermq.store.queue.ConsumeQueueTable;
import io.couriermq.store.queue.Dispatcher;
import io.couriermq.store.read.KeyQuery;
import io.couriermq.store.read.MessageReader;
import io.couriermq.store.recovery.StoreRecovery;
import io.couriermq.store.retention.RetentionService;
import java.nio.file.Files;

/**
 * The parts of a file store, built and wired in one place so {@link FileMessageStore} stays a facade.
 * Files are loaded here; nothing is recovered or started yet.
 */
final class StoreParts {
    private static final long DISPATCH_INTERVAL_MS = 5;

    final StoreConfig config;
    final StorageHealth health = new StorageHealth();
    final SegmentAllocator allocator;
    final CommitLog commitLog;
    final ConsumeQueueTable queues;
    final IndexService index;
    final Dispatcher dispatcher;
    final FlushService flushService;
    final CheckpointService checkpointService;
    final RetentionService retention;
    final AbortMarker abortMarker;
    final StoreRecovery recovery;
    final MessageReader reader;
    final KeyQuery keyQuery;
    final StoreReplication replication;

    StoreParts(StoreConfig config, Clock clock, SegmentFiles rawFiles, DiskSpace diskSpace) {
        this.config = config;
        SegmentFiles files = rawFiles.withSpaceCheck(diskSpace);
        this.allocator = new SegmentAllocator(files, config.warmMapedFileEnable());
        MappedFileQueue segments =
                new MappedFileQueue(config.commitLogDir(), config.mappedFileSizeCommitLog(), files, allocator);
        segments.load();
        this.queues = new ConsumeQueueTable(
                config.consumeQueueDir(),
                config.mappedFileSizeConsumeQueue(),
                files,
                config.maxMappedConsumeQueueFiles());
        // the abort marker is still there if the last run did not stop cleanly
        queues.load(!Files.exists(config.abortFile()));
        // a queue's next offset is read from it when it is first appended to, not by recovery for every queue
        this.commitLog =
                new CommitLog(segments, new QueueOffsetTable(queues::nextQueueOffset), clock, config.maxMessageSize());
        this.index = new IndexService(config.indexDir(), config.maxHashSlotNum(), config.maxIndexNum(), files);
        index.load();
        this.dispatcher = new Dispatcher(commitLog, queues, index, DISPATCH_INTERVAL_MS);
        this.flushService = config.flushDiskType() == FlushDiskType.SYNC_FLUSH
                ? new GroupCommitService(commitLog::flush, config.syncFlushTimeout(), clock)
                : new IntervalFlushService(commitLog::flush, config.flushIntervalCommitLog(), clock);
        CheckpointFile checkpointFile = new CheckpointFile(config.checkpointFile());
        this.checkpointService = new CheckpointService(
                checkpointFile,
                commitLog::flushedOffset,
                dispatcher::dispatchedOffset,
                () -> {
                    queues.flush();
                    index.flush();
                },
                clock,
                config.flushIntervalConsumeQueue());
        this.retention = new RetentionService(config, commitLog, queues, index, diskSpace, health, clock);
        this.abortMarker = new AbortMarker(config.abortFile());
        this.recovery = new StoreRecovery(
                commitLog, queues, dispatcher, checkpointFile, abortMarker, config.checkCRCOnRecover());
        this.reader = new MessageReader(
                commitLog,
                queues,
                config.maxTransferCountOnMessageInMemory(),
                config.maxTransferBytesOnMessageInMemory());
        this.keyQuery = new KeyQuery(commitLog, index);
        this.replication = new StoreReplication(commitLog, queues, dispatcher);
    }

    void startServices() {
        allocator.start();
        flushService.start();
        dispatcher.start();
        checkpointService.start();
        retention.start();
    }

    /** Stops the background threads; the dispatcher and flush service finish their current work. */
    void stopServices() {
        retention.shutdown();
        checkpointService.shutdown();
        dispatcher.shutdown();
        flushService.shutdown();
        allocator.shutdown();
    }

    void closeFiles() {
        queues.shutdown();
        index.shutdown();
        commitLog.segments().shutdown();
    }
}
