package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull consumer's read-ahead: one long-polling pull per assigned queue (the subscription travels in
 * the header, so no heartbeat is needed; suspend 20 s, timeout 30 s) into a bounded buffer per queue,
 * from which {@link #poll} takes. A {@link #seek} discards the queue's buffer and starts a new pull at
 * once; the answer of a pull issued before the seek is recognized by its generation and ignored.
 */
public final class Prefetcher {
    private static final Logger log = LoggerFactory.getLogger(Prefetcher.class);
    static final long SUSPEND_MS = 20_000;
    static final long TIMEOUT_MS = 30_000;
    static final long ERROR_DELAY_MS = 3_000;

    private final String group;
    private final int batchSize;
    private final int maxBuffered;
    private final ConsumerRequests requests;
    private final Function<String, SubscriptionData> subscriptions;
    private final ScheduledExecutorService timers;
    private final Executor callbacks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<MessageQueue, QueueState> queues = new LinkedHashMap<>();
    private boolean closed;

    /** One queue's read-ahead; guarded by the prefetcher's lock. */
    private static final class QueueState {
        final Deque<ReceivedMessage> buffer = new ArrayDeque<>();
        long nextPullOffset;
        long position;
        int generation;
        boolean pulling;

        QueueState(long offset) {
            this.nextPullOffset = offset;
            this.position = offset;
        }
    }

    public Prefetcher(
            String group,
            int batchSize,
            int maxBuffered,
            ConsumerRequests requests,
            Function<String, SubscriptionData> subscriptions,
            ScheduledExecutorService timers,
            Executor callbacks) {
        this.group = group;
        this.batchSize = batchSize;
        this.maxBuffered = maxBuffered;
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.timers = timers;
        this.callbacks = callbacks;
    }

    /** Starts reading {@code queue} at {@code offset} (no-op when it is already assigned). */
    public void add(MessageQueue queue, long offset) {
        lock.lock();
        try {
            if (!queues.containsKey(queue)) {
                queues.put(queue, new QueueState(offset));
                refill(queue);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops reading {@code queue}; returns the position reached, or -1 when it was not assigned. */
    public long remove(MessageQueue queue) {
        lock.lock();
        try {
            QueueState state = queues.remove(queue);
            return state == null ? -1 : state.position;
        } finally {
            lock.unlock();
        }
    }

    public Set<MessageQueue> queues() {
        lock.lock();
        try {
            return Set.copyOf(queues.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The offset of the next message {@code poll} returns for {@code queue}, or -1 when not assigned. */
    public long position(MessageQueue queue) {
        lock.lock();
        try {
            QueueState state = queues.get(queue);
            return state == null ? -1 : state.position;
        } finally {
            lock.unlock();
        }
    }

    public Map<MessageQueue, Long> positions() {
        lock.lock();
        try {
            Map<MessageQueue, Long> positions = new LinkedHashMap<>();
            queues.forEach((queue, state) -> positions.put(queue, state.position));
            return positions;
        } finally {
            lock.unlock();
        }
    }

    /** The next poll of {@code queue} starts at {@code offset}. */
    public void seek(MessageQueue queue, long offset) {
        lock.lock();
        try {
            QueueState state = queues.get(queue);
            if (state == null) {
                throw new IllegalStateException(queue + " is not assigned to this consumer");
            }
            state.generation++;
            state.buffer.clear();
            state.nextPullOffset = offset;
            state.position = offset;
            state.pulling = false;
            refill(queue);
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} messages, waiting up to {@code timeout} for the first. */
    public List<ReceivedMessage> poll(Duration timeout, int max) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!closed) {
                List<ReceivedMessage> taken = take(max);
                if (!taken.isEmpty()) {
                    return taken;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            queues.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private List<ReceivedMessage> take(int max) {
        List<ReceivedMessage> taken = new ArrayList<>();
        boolean more = true;
        while (taken.size() < max && more) {
            more = false;
            for (Map.Entry<MessageQueue, QueueState> entry : queues.entrySet()) {
                ReceivedMessage message = entry.getValue().buffer.poll();
                if (message != null) {
                    entry.getValue().position = message.queueOffset() + 1;
                    taken.add(message);
                    more = true;
                    if (taken.size() == max) {
                        break;
                    }
                }
            }
        }
        if (!taken.isEmpty()) {
            List.copyOf(queues.keySet()).forEach(this::refill);
        }
        return taken;
    }

    /** Issues the queue's next pull unless one is out or its buffer is full. Called under the lock. */
    private void refill(MessageQueue queue) {
        QueueState state = queues.get(queue);
        if (closed || state == null || state.pulling || state.buffer.size() + batchSize > maxBuffered) {
            return;
        }
        SubscriptionData subscription = subscriptions.apply(queue.topic());
        state.pulling = true;
        int generation = state.generation;
        long offset = state.nextPullOffset;
        PullMessageRequestHeader header = new PullMessageRequestHeader(
                group,
                queue.topic(),
                queue.queueId(),
                offset,
                batchSize,
                PullSysFlag.build(false, true, true, false),
                0,
                SUSPEND_MS,
                subscription.subString(),
                subscription.subVersion(),
                subscription.expressionType(),
                null,
                queue.brokerName());
        requests.pull(header, TIMEOUT_MS)
                .whenCompleteAsync(
                        (response, failure) -> onResponse(queue, generation, offset, subscription, response, failure),
                        callbacks);
    }

    private void onResponse(
            MessageQueue queue,
            int generation,
            long offset,
            SubscriptionData subscription,
            RemotingCommand response,
            Throwable failure) {
        PullResult result = null;
        try {
            if (failure != null) {
                throw BrokerRpc.asClientException(failure);
            }
            result = PullResponses.parse(response, queue, offset, subscription);
        } catch (ClientException e) {
            log.debug("group {}: pull of {} failed: {}", group, queue, e.getMessage());
        }
        lock.lock();
        try {
            QueueState state = queues.get(queue);
            if (state == null || state.generation != generation) {
                return;
            }
            if (result == null) {
                retryLater(queue, generation);
                return;
            }
            state.pulling = false;
            state.nextPullOffset = result.nextBeginOffset();
            if (result.status() == PullStatus.OFFSET_ILLEGAL && state.buffer.isEmpty()) {
                log.warn(
                        "group {}: offset {} of {} out of range; continuing at {}",
                        group,
                        offset,
                        queue,
                        result.nextBeginOffset());
                state.position = result.nextBeginOffset();
            }
            if (!result.messages().isEmpty()) {
                state.buffer.addAll(result.messages());
                arrived.signalAll();
            } else if (state.buffer.isEmpty() && state.position < result.nextBeginOffset()) {
                // filtered out or nothing there: nothing to return before the next offset
                state.position = result.nextBeginOffset();
            }
            refill(queue);
        } finally {
            lock.unlock();
        }
    }

    private void retryLater(MessageQueue queue, int generation) {
        try {
            timers.schedule(
                    () -> {
                        lock.lock();
                        try {
                            QueueState state = queues.get(queue);
                            if (state != null && state.generation == generation) {
                                state.pulling = false;
                                refill(queue);
                            }
                        } finally {
                            lock.unlock();
                        }
                    },
                    ERROR_DELAY_MS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("client runtime closed; {} no longer pulled", queue);
        }
    }
}
