package io.couriermq.client.consumer.internal;

import static io.couriermq.client.consumer.internal.ProcessQueueTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.BatchMessageListener;
import io.couriermq.client.consumer.ConcurrentMessageListener;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentConsumeServiceTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 0);

    @TempDir
    Path dir;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final ConsumeObserver observer = new ConsumeObserver() {
        @Override
        public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
            observed.add(message.queueOffset() + ":" + result);
        }
    };

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private ConcurrentConsumeService service(
            boolean broadcasting, ConcurrentMessageListener listener, OffsetStore offsets, SendBack sendBack) {
        return new ConcurrentConsumeService(
                "g",
                broadcasting,
                ConcurrentConsumeService.perMessage(listener),
                1,
                offsets,
                sendBack,
                observer,
                timers,
                4,
                100,
                20);
    }

    private ConcurrentConsumeService batchService(
            int batchSize, BatchMessageListener listener, OffsetStore offsets, SendBack sendBack) {
        return new ConcurrentConsumeService(
                "g", false, listener, batchSize, offsets, sendBack, observer, timers, 4, 100, 20);
    }

    @Test
    void aBatchListenerGetsThePullInOrderedBatchesOfAtMostTheMaximumSize() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        ConcurrentConsumeService service = batchService(
                3,
                (messages, context) -> {
                    batches.add(
                            messages.stream().map(ReceivedMessage::queueOffset).toList());
                    return ConsumeResult.SUCCESS;
                },
                offsets,
                (m, level) -> true);
        ProcessQueue queue = pulled(0, 1, 2, 3, 4, 5, 6);

        service.submit(
                queue,
                java.util.stream.LongStream.range(0, 7)
                        .mapToObj(o -> message(o, 10))
                        .toList());

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 7);
        assertThat(batches).containsExactlyInAnyOrder(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L));
        assertThat(observed).hasSize(7).contains("6:SUCCESS");
        service.shutdown(1_000);
    }

    @Test
    void aFailedBatchIsSentBackMessageByMessageAndWhatCannotBeSentBackIsRetriedLocally() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        List<Long> sentBack = new CopyOnWriteArrayList<>();
        ConcurrentConsumeService service = batchService(
                4,
                (messages, context) -> {
                    batches.add(
                            messages.stream().map(ReceivedMessage::queueOffset).toList());
                    return context.localAttempt() == 1 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.SUCCESS;
                },
                offsets,
                (message, level) -> message.queueOffset() != 2 && sentBack.add(message.queueOffset()));
        ProcessQueue queue = pulled(0, 1, 2, 3);

        service.submit(queue, List.of(message(0, 10), message(1, 10), message(2, 10), message(3, 10)));

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 4);
        assertThat(sentBack).containsExactly(0L, 1L, 3L);
        assertThat(batches).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(2L));
        assertThat(queue.isEmpty()).isTrue();
        service.shutdown(1_000);
    }

    private ProcessQueue pulled(long... offsets) {
        ProcessQueue queue = new ProcessQueue(QUEUE, offsets[0]);
        List<ReceivedMessage> messages =
                java.util.Arrays.stream(offsets).mapToObj(o -> message(o, 10)).toList();
        queue.add(messages);
        return queue;
    }

    @Test
    void consumedMessagesCommitTheirOffset() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        ConcurrentConsumeService service =
                service(false, (message, context) -> ConsumeResult.SUCCESS, offsets, (m, level) -> true);
        ProcessQueue queue = pulled(0, 1, 2);

        service.submit(queue, List.of(message(0, 10), message(1, 10), message(2, 10)));

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 3);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(observed).containsExactlyInAnyOrder("0:SUCCESS", "1:SUCCESS", "2:SUCCESS");
        service.shutdown(1_000);
    }

    @Test
    void aFailedMessageIsSentBackWithTheContextsDelayLevelAndThenCommitted() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        Map<Long, Integer> sentBack = new ConcurrentHashMap<>();
        ConcurrentConsumeService service = service(
                false,
                (message, context) -> {
                    context.delayLevelWhenNextConsume(5);
                    return ConsumeResult.RECONSUME_LATER;
                },
                offsets,
                (message, level) -> {
                    sentBack.put(message.queueOffset(), level);
                    return true;
                });
        ProcessQueue queue = pulled(7);

        service.submit(queue, List.of(message(7, 10)));

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 8);
        assertThat(sentBack).containsExactly(Map.entry(7L, 5));
        service.shutdown(1_000);
    }

    @Test
    void whenSendBackFailsTheMessageHoldsTheOffsetAndIsConsumedAgainLocally() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        AtomicInteger calls = new AtomicInteger();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        ConcurrentConsumeService service = service(
                false,
                (message, context) -> {
                    attempts.add(context.localAttempt());
                    return calls.incrementAndGet() == 1 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.SUCCESS;
                },
                offsets,
                (message, level) -> false);
        ProcessQueue queue = pulled(3, 4);

        service.submit(queue, List.of(message(3, 10)));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 2);
        assertThat(attempts).containsExactly(1, 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 4);
        assertThat(queue.cachedCount()).isEqualTo(1);
        service.shutdown(1_000);
    }

    @Test
    void broadcastingDropsAFailedMessageWithoutSendingItBack() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        AtomicInteger sendBacks = new AtomicInteger();
        ConcurrentConsumeService service = service(
                true,
                (message, context) -> {
                    throw new IllegalStateException("boom");
                },
                offsets,
                (message, level) -> sendBacks.incrementAndGet() > 0);
        ProcessQueue queue = pulled(0);

        service.submit(queue, List.of(message(0, 10)));

        await().atMost(Duration.ofSeconds(5)).until(() -> offsets.readMemory(QUEUE) == 1);
        assertThat(sendBacks).hasValue(0);
        assertThat(observed).containsExactly("0:EXCEPTION");
        service.shutdown(1_000);
    }

    @Test
    void aDroppedQueueCommitsNothing() {
        OffsetStore offsets = new LocalFileOffsetStore(dir, "c", "g");
        AtomicInteger calls = new AtomicInteger();
        ConcurrentConsumeService service = service(
                false,
                (message, context) -> {
                    calls.incrementAndGet();
                    return ConsumeResult.SUCCESS;
                },
                offsets,
                (m, level) -> true);
        ProcessQueue queue = pulled(0);
        queue.drop();

        service.submit(queue, List.of(message(0, 10)));
        service.shutdown(5_000);

        assertThat(calls).hasValue(0);
        assertThat(offsets.readMemory(QUEUE)).isEqualTo(-1);
    }
}
