package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a clustering group, kept on the broker of each queue: QUERY_CONSUMER_OFFSET when a queue is
 * assigned, UPDATE_CONSUMER_OFFSET (oneway) for queues whose offset changed since the last round. Pulls
 * also carry the offset (the commit-offset bit), so the broker is rarely more than one pull behind.
 */
public final class BrokerOffsetStore implements OffsetStore {
    private static final Logger log = LoggerFactory.getLogger(BrokerOffsetStore.class);

    private static final long SHUTDOWN_WRITE_TIMEOUT_MS = 3_000;

    private final String group;
    private final ConsumerRequests requests;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();
    private final Set<MessageQueue> changed = ConcurrentHashMap.newKeySet();

    public BrokerOffsetStore(String group, ConsumerRequests requests) {
        this.group = group;
        this.requests = requests;
    }

    @Override
    public long readMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public long readStored(MessageQueue queue) {
        long offset = requests.queryOffset(group, queue, false);
        if (offset >= 0) {
            offsets.put(queue, offset);
        }
        return offset;
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        if (offset < 0) {
            return;
        }
        offsets.merge(queue, offset, (current, proposed) -> increaseOnly ? Math.max(current, proposed) : proposed);
        changed.add(queue);
    }

    @Override
    public void persistAll() {
        for (MessageQueue queue : Set.copyOf(changed)) {
            persist(queue);
        }
    }

    @Override
    public void persistAllAndWait() {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        offsets.forEach((queue, offset) -> {
            changed.remove(queue);
            writes.add(requests.updateOffset(group, queue, offset, false).exceptionally(failure -> {
                log.warn("offset {} of {} for group {} not written: {}", offset, queue, group, failure.getMessage());
                return null;
            }));
        });
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("group {}: not every offset was confirmed written at shutdown: {}", group, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void persist(MessageQueue queue) {
        Long offset = offsets.get(queue);
        changed.remove(queue);
        if (offset == null) {
            return;
        }
        requests.updateOffset(group, queue, offset, true).whenComplete((ignored, failure) -> {
            if (failure != null) {
                changed.add(queue);
                log.warn("offset {} of {} for group {} not written: {}", offset, queue, group, failure.getMessage());
            }
        });
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
        changed.remove(queue);
    }

    @Override
    public Map<MessageQueue, Long> snapshot() {
        return Map.copyOf(offsets);
    }
}
