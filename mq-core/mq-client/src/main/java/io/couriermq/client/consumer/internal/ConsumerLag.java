package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a push consumer is behind, per assigned queue: the broker's max offset minus the offset the
 * consumer is done with ({@link ProcessQueue#lag()}). The max offsets come with every pull answer, but
 * a paused or flow-controlled consumer pulls nothing, so a refresh asks each queue's broker
 * (GET_MAX_OFFSET, all queues in parallel); a queue whose broker does not answer keeps its last known
 * value rather than failing the whole answer.
 */
public final class ConsumerLag {
    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final AssignedQueues assigned;
    private final ConsumerRequests requests;
    private final long timeoutMs;

    public ConsumerLag(AssignedQueues assigned, ConsumerRequests requests, long timeoutMs) {
        this.assigned = assigned;
        this.requests = requests;
        this.timeoutMs = timeoutMs;
    }

    /** Lag per assigned queue, sorted by queue; with {@code refresh} the max offsets are asked first. */
    public SortedMap<MessageQueue, Long> perQueue(boolean refresh) {
        List<ProcessQueue> queues = assigned.all();
        if (refresh) {
            refresh(queues);
        }
        SortedMap<MessageQueue, Long> lags = new TreeMap<>();
        for (ProcessQueue processQueue : queues) {
            lags.put(processQueue.queue(), processQueue.lag());
        }
        return Collections.unmodifiableSortedMap(lags);
    }

    private void refresh(List<ProcessQueue> queues) {
        CompletableFuture<?>[] asked = queues.stream()
                .map(processQueue -> requests.maxOffsetAsync(processQueue.queue(), timeoutMs)
                        .handle((maxOffset, failure) -> {
                            if (failure == null) {
                                processQueue.brokerMaxOffset(maxOffset);
                            } else {
                                log.debug(
                                        "max offset of {} unknown, lag uses the last one seen: {}",
                                        processQueue.queue(),
                                        failure.getMessage());
                            }
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(asked).get();
        } catch (ExecutionException e) {
            // cannot happen: every future above handles its own failure
            log.debug("max offset refresh failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
