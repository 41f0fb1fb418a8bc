package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQSendCallback;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The template's plain sends, checked where it matters, on receipt: sync (String, bytes, tags, timeouts,
 * keys and user headers), batches split by {@code courier.producer.max-batch-size}, async futures and
 * callbacks (completed on the template's callback threads), oneway, ordered sends by hash key, and the
 * failures a caller sees (a bad destination, a message the client refuses).
 */
@SpringBootTest(
        classes = TemplateSendIT.App.class,
        properties = {"courier.producer.max-batch-size=4KB", "courier.producer.max-message-size=8KB"})
@EmbeddedMQ(
        topics = {
            "TplSendPlain:2",
            "TplSendTag:1",
            "TplSendHeaders:2",
            "TplSendBatch:4",
            "TplSendAsync:2",
            "TplSendOrder:4"
        })
@DirtiesContext
class TemplateSendIT {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @SpringBootApplication
    @Import(Listeners.class)
    static class App {}

    /** What each listener saw, in order of receipt. */
    @Component
    static class Listeners {
        final List<ReceivedMessage> plain = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> tagA = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> tagAll = new CopyOnWriteArrayList<>();
        final List<Received> withHeaders = new CopyOnWriteArrayList<>();
        final List<String> batch = new CopyOnWriteArrayList<>();
        final List<String> async = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> ordered = new CopyOnWriteArrayList<>();

        record Received(String payload, String keysHeader, Map<String, Object> headers, ReceivedMessage raw) {}

        @MQMessageListener(
                topic = "TplSendPlain",
                consumerGroup = "tpl-send-plain",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void plain(ReceivedMessage message) {
            plain.add(message);
        }

        @MQMessageListener(
                topic = "TplSendTag",
                consumerGroup = "tpl-send-tag-a",
                selectorExpression = "tagA",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void tagA(ReceivedMessage message) {
            tagA.add(message);
        }

        @MQMessageListener(
                topic = "TplSendTag",
                consumerGroup = "tpl-send-tag-all",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void tagAll(ReceivedMessage message) {
            tagAll.add(message);
        }

        @MQMessageListener(
                topic = "TplSendHeaders",
                consumerGroup = "tpl-send-headers",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void headers(
                @Payload String payload,
                @Header(name = MQHeaders.KEYS, required = false) String keys,
                @Headers Map<String, Object> headers,
                ReceivedMessage raw) {
            withHeaders.add(new Received(payload, keys, Map.copyOf(headers), raw));
        }

        @MQMessageListener(
                topic = "TplSendBatch",
                consumerGroup = "tpl-send-batch",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void batch(String payload) {
            batch.add(payload);
        }

        @MQMessageListener(
                topic = "TplSendAsync",
                consumerGroup = "tpl-send-async",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void async(String payload) {
            async.add(payload);
        }

        @MQMessageListener(
                topic = "TplSendOrder",
                consumerGroup = "tpl-send-order",
                consumeMode = ConsumeMode.ORDERLY,
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void ordered(ReceivedMessage message) {
            ordered.add(message);
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    @Qualifier("courierCallbackExecutor")
    ExecutorService callbackExecutor;

    // ---- sync

    @Test
    void syncSendDeliversAStringAndBytesUnchanged() {
        byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 'x'};

        SendResult text = template.syncSend("TplSendPlain", "plain-text-äö€");
        SendResult binary = template.syncSend("TplSendPlain", bytes);

        assertThat(text.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(binary.status()).isEqualTo(SendStatus.SEND_OK);
        ReceivedMessage receivedText =
                awaitOne(listeners.plain, m -> m.messageId().equals(text.messageId()));
        ReceivedMessage receivedBytes =
                awaitOne(listeners.plain, m -> m.messageId().equals(binary.messageId()));
        assertThat(new String(receivedText.body(), StandardCharsets.UTF_8)).isEqualTo("plain-text-äö€");
        assertThat(receivedBytes.body()).isEqualTo(bytes);
        assertThat(receivedText.tags()).isNull();
    }

    @Test
    void syncSendWithATimeoutDelivers() {
        SendResult result = template.syncSend("TplSendPlain", "with-timeout", 5_000);

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        ReceivedMessage received = awaitOne(listeners.plain, m -> m.messageId().equals(result.messageId()));
        assertThat(received.queueId()).isEqualTo(result.queue().queueId());
        assertThat(received.queueOffset()).isEqualTo(result.queueOffset());
    }

    @Test
    void aTopicTagDestinationDeliversTheTagAndATagListenerGetsOnlyItsTag() {
        // one queue: the tagA listener sees tagB's position before tagA's, so skipping it is not a race
        template.syncSend("TplSendTag:tagB", "for-b");
        template.syncSend("TplSendTag:tagA", "for-a");

        awaitOne(listeners.tagAll, m -> body(m).equals("for-b"));
        ReceivedMessage viaAll = awaitOne(listeners.tagAll, m -> body(m).equals("for-a"));
        ReceivedMessage viaTag = awaitOne(listeners.tagA, m -> body(m).equals("for-a"));
        assertThat(viaAll.tags()).isEqualTo("tagA");
        assertThat(viaTag.tags()).isEqualTo("tagA");
        assertThat(listeners.tagAll)
                .filteredOn(m -> body(m).equals("for-b"))
                .singleElement()
                .satisfies(m -> assertThat(m.tags()).isEqualTo("tagB"));
        assertThat(listeners.tagA).allSatisfy(m -> assertThat(m.tags()).isEqualTo("tagA"));
        assertThat(listeners.tagA).extracting(TemplateSendIT::body).doesNotContain("for-b");
    }

    @Test
    void aSpringMessageSendsKeysTagsAndUserHeaders() {
        Message<String> message = MessageBuilder.withPayload("with-headers")
                .setHeader(MQHeaders.KEYS, List.of("order-17", "customer-4"))
                .setHeader(MQHeaders.TAGS, "created")
                .setHeader("tenant", "acme")
                .setHeader("attempt", 3)
                .setHeader("urgent", true)
                .build();

        SendResult result = template.syncSend("TplSendHeaders", message);

        Listeners.Received received =
                awaitOne(listeners.withHeaders, r -> r.raw().messageId().equals(result.messageId()));
        assertThat(received.payload()).isEqualTo("with-headers");
        assertThat(received.raw().keys()).containsExactly("order-17", "customer-4");
        assertThat(received.keysHeader()).isEqualTo("order-17 customer-4");
        assertThat(received.raw().tags()).isEqualTo("created");
        assertThat(received.headers())
                .containsEntry(MQHeaders.TAGS, "created")
                .containsEntry("tenant", "acme")
                .containsEntry("attempt", "3")
                .containsEntry("urgent", "true")
                .containsEntry(MQHeaders.TOPIC, "TplSendHeaders");
        assertThat(received.raw().property("tenant")).isEqualTo("acme");
        assertThat(received.raw().property("attempt")).isEqualTo("3");
    }

    @Test
    void theRocketMqSpringHeaderNamesSetKeysAndTags() {
        Message<String> message = MessageBuilder.withPayload("plain-header-names")
                .setHeader("KEYS", "k-1 k-2")
                .setHeader("TAGS", "legacy")
                .build();

        SendResult result = template.syncSend("TplSendHeaders", message);

        Listeners.Received received =
                awaitOne(listeners.withHeaders, r -> r.raw().messageId().equals(result.messageId()));
        assertThat(received.raw().keys()).containsExactly("k-1", "k-2");
        assertThat(received.raw().tags()).isEqualTo("legacy");
    }

    // ---- batches

    @Test
    void aSyncBatchLargerThanTheBatchSizeIsSplitAndEveryMessageArrivesOnce() {
        List<Message<?>> messages = kilobyteMessages("sync-batch-", 20);

        List<SendResult> results = template.syncSend("TplSendBatch", messages);

        assertThat(results).hasSizeBetween(2, 19).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(SendStatus.SEND_OK));
        assertEveryOneArrivesOnce("sync-batch-", 20);
    }

    @Test
    void anAsyncBatchIsSplitTooAndEveryMessageArrivesOnce() throws Exception {
        List<Message<?>> messages = kilobyteMessages("async-batch-", 20);

        List<SendResult> results = template.asyncSend("TplSendBatch", messages).get(20, TimeUnit.SECONDS);

        assertThat(results).hasSizeBetween(2, 19).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(SendStatus.SEND_OK));
        assertEveryOneArrivesOnce("async-batch-", 20);
    }

    @Test
    void aSmallBatchGoesAsOneRequest() {
        List<Message<?>> messages = List.of(
                MessageBuilder.withPayload("small-batch-0|").build(),
                MessageBuilder.withPayload("small-batch-1|").build(),
                MessageBuilder.withPayload("small-batch-2|").build());

        List<SendResult> results = template.syncSend("TplSendBatch", messages, 5_000);

        assertThat(results).hasSize(1);
        assertEveryOneArrivesOnce("small-batch-", 3);
    }

    // ---- async and oneway

    @Test
    void anAsyncSendCompletesOnACallbackThreadNotOnTheIoThread() throws Exception {
        AtomicReference<String> completedOn = new AtomicReference<>();
        CompletableFuture<SendResult> future;
        CompletableFuture<String> observed;
        CallbackThreads busy = CallbackThreads.occupy(callbackExecutor);
        try {
            future = template.asyncSend("TplSendAsync", "async-future");
            observed = future.thenApply(result -> {
                completedOn.set(Thread.currentThread().getName());
                return result.messageId();
            });
            // the broker has it, yet the future waits for a callback thread: it is not completed on I/O
            awaitOne(listeners.async, "async-future"::equals);
            assertThat(future).isNotDone();
        } finally {
            busy.release();
        }

        String messageId = observed.get(10, TimeUnit.SECONDS);
        assertThat(messageId).isNotBlank();
        assertThat(completedOn.get()).startsWith("courier-template-callback");
        assertThat(future.get().status()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void anAsyncSendWithATimeoutDelivers() throws Exception {
        SendResult result =
                template.asyncSend("TplSendAsync", "async-timeout", 5_000).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        awaitOne(listeners.async, "async-timeout"::equals);
    }

    @Test
    void anAsyncSendCallbackRunsOnACallbackThread() throws Exception {
        RecordingCallback callback = new RecordingCallback();
        CallbackThreads busy = CallbackThreads.occupy(callbackExecutor);
        try {
            template.asyncSend("TplSendAsync", "async-callback", callback);
            awaitOne(listeners.async, "async-callback"::equals);
            assertThat(callback.done.getCount()).isEqualTo(1);
        } finally {
            busy.release();
        }

        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(callback.failure.get()).isNull();
        assertThat(callback.result.get().status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(callback.thread.get()).startsWith("courier-template-callback");
    }

    @Test
    void anAsyncSendCallbackWithATimeoutSucceeds() throws Exception {
        RecordingCallback callback = new RecordingCallback();

        template.asyncSend("TplSendAsync", "async-callback-timeout", callback, 5_000);

        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(callback.result.get().status()).isEqualTo(SendStatus.SEND_OK);
        awaitOne(listeners.async, "async-callback-timeout"::equals);
    }

    @Test
    void aOnewaySendDelivers() {
        template.sendOneWay("TplSendAsync", "oneway");

        awaitOne(listeners.async, "oneway"::equals);
    }

    @Test
    void orderedSendsOfOneHashKeyShareAQueueAndAreConsumedInSendOrder() throws Exception {
        List<String> keys = List.of("key-a", "key-b", "key-c", "key-d");
        Map<String, List<Integer>> queueOfSent = new HashMap<>();
        int perKey = 6;
        for (int seq = 0; seq < perKey; seq++) {
            for (String key : keys) {
                String body = key + "#" + seq;
                switch (seq % 4) {
                    case 0 ->
                        queueOfSent
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(template.syncSendOrderly("TplSendOrder", body, key)
                                        .queue()
                                        .queueId());
                    case 1 ->
                        queueOfSent
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(template.asyncSendOrderly("TplSendOrder", body, key)
                                        .get(10, TimeUnit.SECONDS)
                                        .queue()
                                        .queueId());
                    case 2 -> {
                        RecordingCallback callback = new RecordingCallback();
                        template.asyncSendOrderly("TplSendOrder", body, key, callback);
                        assertThat(callback.done.await(10, TimeUnit.SECONDS)).isTrue();
                        assertThat(callback.failure.get()).isNull();
                        queueOfSent
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(callback.result.get().queue().queueId());
                    }
                    default -> template.sendOneWayOrderly("TplSendOrder", body, key);
                }
            }
        }

        await().atMost(ARRIVAL).until(() -> listeners.ordered.size() >= keys.size() * perKey);
        for (String key : keys) {
            List<ReceivedMessage> ofKey = listeners.ordered.stream()
                    .filter(m -> body(m).startsWith(key + "#"))
                    .toList();
            assertThat(ofKey).extracting(m -> body(m)).containsExactly(expectedSequence(key, perKey));
            assertThat(ofKey)
                    .extracting(ReceivedMessage::queueId)
                    .containsOnly(ofKey.get(0).queueId());
            assertThat(queueOfSent.get(key)).containsOnly(ofKey.get(0).queueId());
        }
        assertThat(listeners.ordered).hasSize(keys.size() * perKey);
    }

    // ---- failures

    @Test
    void aBlankDestinationIsRefused() {
        assertThatThrownBy(() -> template.syncSend("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.syncSend("   ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.syncSend(":tag", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.asyncSend(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.sendOneWay("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageOverTheMaximumSizeFailsWithTheClientExceptionAsCause() {
        byte[] tooLarge = new byte[16 * 1024];
        Arrays.fill(tooLarge, (byte) 'z');

        assertThatThrownBy(() -> template.syncSend("TplSendPlain", tooLarge))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("TplSendPlain")
                .cause()
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("more than the maximum");

        CompletableFuture<SendResult> async = template.asyncSend("TplSendPlain", tooLarge);
        assertThatThrownBy(() -> async.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MessagingException.class)
                .cause()
                .isInstanceOf(ClientException.class);
    }

    // ---- helpers

    private void assertEveryOneArrivesOnce(String prefix, int count) {
        await().atMost(ARRIVAL)
                .until(() -> listeners.batch.stream()
                                .filter(p -> p.startsWith(prefix))
                                .count()
                        >= count);
        List<String> ids = listeners.batch.stream()
                .filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(0, p.indexOf('|')))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(prefix + i);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<Message<?>> kilobyteMessages(String prefix, int count) {
        List<Message<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i + "|";
            messages.add(MessageBuilder.withPayload(id + "x".repeat(1024 - id.length()))
                    .build());
        }
        return messages;
    }

    private static String[] expectedSequence(String key, int count) {
        String[] expected = new String[count];
        for (int i = 0; i < count; i++) {
            expected[i] = key + "#" + i;
        }
        return expected;
    }

    private static <T> T awaitOne(List<T> received, Predicate<T> which) {
        await().atMost(ARRIVAL).until(() -> received.stream().anyMatch(which));
        List<T> matching = received.stream().filter(which).toList();
        assertThat(matching).as("delivered once").hasSize(1);
        return matching.get(0);
    }

    private static String body(ReceivedMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    /** Records the outcome of a send and the thread it was reported on. */
    static final class RecordingCallback implements MQSendCallback {
        final AtomicReference<SendResult> result = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicReference<String> thread = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void onSuccess(SendResult sent) {
            thread.set(Thread.currentThread().getName());
            result.set(sent);
            done.countDown();
        }

        @Override
        public void onException(Throwable error) {
            thread.set(Thread.currentThread().getName());
            failure.set(error);
            done.countDown();
        }
    }
}
