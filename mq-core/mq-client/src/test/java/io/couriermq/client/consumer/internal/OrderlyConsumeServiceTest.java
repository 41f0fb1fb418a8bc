package io.couriermq.client.consumer.internal;

import static io.couriermq.client.consumer.internal.ProcessQueueTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.OrderlyMessageListener;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.time.Clock;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderlyConsumeServiceTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 0);

    @TempDir
    Path dir;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private OrderlyConsumeService service(
            OrderlyMessageListener listener, OffsetStore offsets, Clock clock, int threads) {
        // the retry sender is only used after Integer.MAX_VALUE attempts
        return new OrderlyConsumeService(
                "g",
                listener,
                offsets,
                new RetryMessageSender(null, clock),
                ConsumeObserver.NONE,
                timers,
                clock,
                threads,
                Integer.MAX_VALUE,
                10,
                30_000);
    }

    private static ProcessQueue lockedQueue(Clock clock, long count) {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        List<ReceivedMessage> messages =
                LongStream.range(0, count).mapToObj(o -> message(o, 1)).toList();
        queue.add(messages);
        queue.locked(true, clock.millis());
        return queue;
    }

    @Test
    void messagesAreConsumedInOffsetOrderAndASuspendRepeatsTheSameMessage() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        List<String> calls = new CopyOnWriteArrayList<>();
        ManualClock clock = new ManualClock(1_000);
        OrderlyConsumeService service = service(
                (message, context) -> {
                    calls.add(message.queueOffset() + "#" + context.attempt());
                    return message.queueOffset() == 2 && context.attempt() < 3
                            ? OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT
                            : OrderlyResult.SUCCESS;
                },
                offsets,
                clock,
                4);
        ProcessQueue queue = lockedQueue(clock, 5);

        service.submit(queue, List.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 5);
        assertThat(calls).containsExactly("0#1", "1#1", "2#1", "2#2", "2#3", "3#1", "4#1");
        service.shutdown(1_000);
    }

    @Test
    void messagesPulledDuringASuspendDoNotCutThePauseShort() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        List<Long> callNanos = new CopyOnWriteArrayList<>();
        ManualClock clock = new ManualClock(1_000);
        OrderlyConsumeService service = service(
                (message, context) -> {
                    if (message.queueOffset() == 0) {
                        callNanos.add(System.nanoTime());
                        if (context.attempt() == 1) {
                            context.suspendMs(500);
                            return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                        }
                    }
                    return OrderlyResult.SUCCESS;
                },
                offsets,
                clock,
                2);
        ProcessQueue queue = lockedQueue(clock, 1);
        service.submit(queue, List.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> callNanos.size() == 1);

        // new pulls arrive while the queue is suspended
        for (long offset = 1; offset <= 3; offset++) {
            List<ReceivedMessage> pulled = List.of(message(offset, 1));
            queue.add(pulled);
            service.submit(queue, pulled);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 4);
        assertThat(callNanos).hasSize(2);
        assertThat(Duration.ofNanos(callNanos.get(1) - callNanos.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        service.shutdown(1_000);
    }

    @Test
    void nothingIsConsumedWithoutAFreshLock() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        List<MessageQueue> consumed = new CopyOnWriteArrayList<>();
        ManualClock clock = new ManualClock(1_000);
        OrderlyConsumeService service = service(
                (message, context) -> {
                    consumed.add(context.queue());
                    return OrderlyResult.SUCCESS;
                },
                offsets,
                clock,
                1);
        ProcessQueue stale = lockedQueue(clock, 2);
        clock.advanceMillis(30_001);
        MessageQueue other = new MessageQueue("T", "broker-a", 1);
        ProcessQueue fresh = new ProcessQueue(other, 0);
        fresh.add(List.of(message(0, 1)));
        fresh.locked(true, clock.millis());

        // one thread: the stale queue's task runs before the fresh one's
        service.submit(stale, List.of());
        service.submit(fresh, List.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(other) == 1);
        assertThat(consumed).containsExactly(other);
        assertThat(offsets.readMemory(QUEUE)).isEqualTo(-1);
        assertThat(stale.cachedCount()).isEqualTo(2);
        service.shutdown(1_000);
    }
}
