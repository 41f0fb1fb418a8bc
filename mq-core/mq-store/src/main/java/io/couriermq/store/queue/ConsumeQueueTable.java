package io.couriermq.store.queue;

import io.couriermq.store.StoreConfig;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every consume queue, under {@code <root>/<topic>/<queueId>/}; created on first dispatch, mapped while in
 * use within a budget of mapped files ({@link MappingBudget}).
 */
public final class ConsumeQueueTable {
    private static final Logger log = LoggerFactory.getLogger(ConsumeQueueTable.class);
    private final Path root;
    private final int segmentSizeBytes;
    private final SegmentFiles files;
    private final MappingBudget budget;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    /** With the default budget of mapped files. */
    public ConsumeQueueTable(Path root, int segmentSizeBytes, SegmentFiles files) {
        this(root, segmentSizeBytes, files, StoreConfig.DEFAULT_MAX_MAPPED_CONSUME_QUEUE_FILES);
    }

    public ConsumeQueueTable(Path root, int segmentSizeBytes, SegmentFiles files, int maxMappedFiles) {
        this.root = root;
        this.segmentSizeBytes = segmentSizeBytes;
        this.files = files;
        this.budget = new MappingBudget(maxMappedFiles, this::all);
    }

    /** Consume-queue segments mapped now. */
    public int mappedFiles() {
        return budget.mappedSegments();
    }

    /** How many times a queue was unmapped to stay within the budget. */
    public long parkedCount() {
        return budget.parkedCount();
    }

    public ConsumeQueue find(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(queueId, id -> newQueue(topic, id));
    }

    /**
     * Where the queue's next message goes: its max offset, which applies the trim it may still owe after a
     * recovery; 0 for a queue that does not exist. The commit log asks this once per queue
     * ({@link io.couriermq.store.commitlog.QueueOffsetTable}).
     */
    public long nextQueueOffset(String topic, int queueId) {
        ConsumeQueue queue = find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    /** The queues whose trim recovery left to their first use, not yet used. */
    public int tailsPending() {
        int pending = 0;
        for (ConsumeQueue queue : all()) {
            if (queue.tailPending()) {
                pending++;
            }
        }
        return pending;
    }

    public List<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        queues.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    /** The topics that have a consume queue. */
    public Set<String> topics() {
        return Set.copyOf(queues.keySet());
    }

    /**
     * Deletes every consume queue of {@code topic}, files and directories; returns the files deleted.
     * The caller keeps the dispatcher out meanwhile, since a record of the topic would recreate a queue.
     */
    public int removeTopic(String topic) {
        ConcurrentMap<Integer, ConsumeQueue> byId = queues.remove(topic);
        if (byId == null) {
            return 0;
        }
        int files = 0;
        for (ConsumeQueue queue : byId.values()) {
            files += queue.destroy();
        }
        try {
            Files.deleteIfExists(root.resolve(topic));
        } catch (IOException e) {
            // a file a reader still holds keeps the directory until it is released; harmless
        }
        return files;
    }

    /**
     * Finds every queue on disk; none is mapped until used. After a clean stop the queues come from the ends
     * it wrote, without listing their directories; otherwise, or if that file is missing or not whole, by
     * listing. The ends file is deleted either way: it describes the store only until it is next written.
     */
    public void load(boolean afterCleanStop) {
        Optional<List<QueueEnds.End>> ends =
                afterCleanStop ? QueueEnds.readOnce(endsFile(), segmentSizeBytes) : QueueEnds.discard(endsFile());
        if (ends.isEmpty()) {
            load();
            return;
        }
        int listed = 0;
        for (QueueEnds.End end : ends.get()) {
            ConsumeQueue queue = findOrCreate(end.topic(), end.queueId());
            if (!queue.loadKnown(end)) {
                queue.load();
                listed++;
            }
        }
        log.info(
                "{} consume queues taken from the ends a clean stop wrote ({} listed instead)",
                ends.get().size(),
                listed);
    }

    /** Writes where every queue ends, for the next start ({@link #load(boolean)}); at a clean stop, last. */
    public void writeEnds() {
        List<QueueEnds.End> ends = new ArrayList<>();
        for (ConsumeQueue queue : all()) {
            QueueEnds.End end = queue.end();
            if (end != null) {
                ends.add(end);
            }
        }
        QueueEnds.write(endsFile(), segmentSizeBytes, ends);
    }

    /** A name no topic can have (no '.' in topic names), so listing the root never takes it for one. */
    private Path endsFile() {
        return root.resolve("queue-ends.txt");
    }

    /** Finds every queue on disk by listing; none is mapped until used. */
    public void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> topics = Files.list(root)) {
            for (Path topicDir : topics.filter(Files::isDirectory).toList()) {
                loadTopic(topicDir);
            }
        } catch (IOException e) {
            throw new StoreIoException("cannot list consume queues in " + root, e);
        }
    }

    private void loadTopic(Path topicDir) throws IOException {
        String topic = topicDir.getFileName().toString();
        try (Stream<Path> ids = Files.list(topicDir)) {
            for (Path idDir :
                    ids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                ConsumeQueue queue =
                        findOrCreate(topic, Integer.parseInt(idDir.getFileName().toString()));
                queue.load();
            }
        }
    }

    public void flush() {
        all().forEach(ConsumeQueue::flush);
    }

    public void shutdown() {
        all().forEach(ConsumeQueue::shutdown);
        queues.clear();
    }

    private ConsumeQueue newQueue(String topic, int queueId) {
        Path directory = root.resolve(topic).resolve(Integer.toString(queueId));
        return new ConsumeQueue(topic, queueId, directory, segmentSizeBytes, files, budget);
    }
}
