package io.couriermq.client.consumer.internal;

import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Offsets of a broadcasting consumer, in {@code <dir>/<clientId>/<group>/offsets.json}, written
 * atomically (a crash leaves the previous file, never half of one). Each instance keeps its own progress,
 * so the file is named by the client id, which must stay the same across restarts to resume.
 */
public final class LocalFileOffsetStore implements OffsetStore {
    private final AtomicJsonFile file;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean();

    public LocalFileOffsetStore(Path root, String clientId, String group) {
        this.file = new AtomicJsonFile(
                root.resolve(safeName(clientId)).resolve(safeName(group)).resolve("offsets.json"));
        file.read(OffsetFile.class).ifPresent(content -> {
            for (Entry entry : content.offsets()) {
                offsets.put(new MessageQueue(entry.topic(), entry.brokerName(), entry.queueId()), entry.offset());
            }
        });
    }

    public Path path() {
        return file.path();
    }

    @Override
    public long readMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public long readStored(MessageQueue queue) {
        return readMemory(queue);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        if (offset < 0) {
            return;
        }
        offsets.merge(queue, offset, (current, proposed) -> increaseOnly ? Math.max(current, proposed) : proposed);
        changed.set(true);
    }

    @Override
    public void persistAll() {
        if (!changed.getAndSet(false)) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        offsets.forEach(
                (queue, offset) -> entries.add(new Entry(queue.topic(), queue.brokerName(), queue.queueId(), offset)));
        entries.sort(Comparator.comparing(Entry::topic)
                .thenComparing(Entry::brokerName)
                .thenComparingInt(Entry::queueId));
        try {
            file.write(new OffsetFile(entries));
        } catch (RuntimeException e) {
            changed.set(true);
            throw e;
        }
    }

    @Override
    public void persist(MessageQueue queue) {
        persistAll();
    }

    /** A broadcasting instance keeps the offsets of queues it gave up: it will consume them again. */
    @Override
    public void remove(MessageQueue queue) {}

    @Override
    public Map<MessageQueue, Long> snapshot() {
        return Map.copyOf(offsets);
    }

    /** Client ids contain '@' and ':' ; keep file names portable. */
    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._%-]", "_");
    }

    /** The file's content. */
    public record OffsetFile(List<Entry> offsets) {}

    /** One queue's offset in the file. */
    public record Entry(String topic, String brokerName, int queueId, long offset) {}
}
