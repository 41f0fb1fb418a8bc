package io.couriermq.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.couriermq.admin.message.DirectConsumeResult;
import io.couriermq.admin.message.MessageView;
import io.couriermq.admin.message.PendingDelivery;
import io.couriermq.admin.message.ResendOutcome;
import io.couriermq.admin.topic.TopicSpec;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.producer.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin client's message, dead-letter and pending areas against two in-process masters. */
class MessageAdminIT {
    private static final String TOPIC = "AdminMessages";

    private static AdminTestCluster cluster;
    private static AdminClient admin;
    private static final List<SendResult> sent = new ArrayList<>();
    private static long beforeSend;
    private static long afterSend;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        cluster = new AdminTestCluster();
        admin = AdminClient.connect(List.of(cluster.nameServer()), Duration.ofSeconds(5));
        admin.topics().createOnCluster(TopicSpec.of(TOPIC, 2), "DefaultCluster");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics().route(TOPIC).isPresent());
        beforeSend = System.currentTimeMillis() - 1;
        for (int i = 0; i < 5; i++) {
            sent.add(cluster.send(TOPIC, "body-" + i, "tag-" + (i % 2), "order-" + i));
        }
        afterSend = System.currentTimeMillis() + 1;
    }

    @AfterAll
    static void stop() {
        admin.close();
        cluster.close();
    }

    @Test
    void aMessageIsFoundByOffsetIdUniqueKeyKeyAndQueueOffset() {
        SendResult third = sent.get(2);

        List<MessageView> byOffsetId = admin.messages().byId(null, third.offsetMessageId());
        assertThat(byOffsetId).singleElement().satisfies(message -> {
            assertThat(message.bodyText()).isEqualTo("body-2");
            assertThat(message.topic()).isEqualTo(TOPIC);
            assertThat(message.tags()).isEqualTo("tag-0");
            assertThat(message.keys()).containsExactly("order-2");
            assertThat(message.msgId()).isEqualTo(third.messageId());
            assertThat(message.offsetMsgId()).isEqualTo(third.offsetMessageId());
            assertThat(message.brokerName()).isEqualTo(third.queue().brokerName());
            assertThat(message.queueId()).isEqualTo(third.queue().queueId());
            assertThat(message.queueOffset()).isEqualTo(third.queueOffset());
            assertThat(message.storeTimestampMs()).isBetween(beforeSend, afterSend);
            assertThat(message.properties()).containsEntry("UNIQ_KEY", third.messageId());
        });

        assertThat(admin.messages().byId(TOPIC, third.messageId()))
                .singleElement()
                .extracting(MessageView::bodyText)
                .isEqualTo("body-2");
        assertThat(admin.messages().byKey(TOPIC, "order-2", beforeSend, afterSend, 10))
                .singleElement()
                .extracting(MessageView::offsetMsgId)
                .isEqualTo(third.offsetMessageId());
        assertThat(admin.messages().byKey(TOPIC, "order-2", afterSend + 60_000, afterSend + 120_000, 10))
                .isEmpty();
        assertThat(admin.messages()
                        .byOffset(
                                TOPIC, third.queue().brokerName(), third.queue().queueId(), third.queueOffset()))
                .get()
                .extracting(MessageView::bodyText)
                .isEqualTo("body-2");
        assertThat(admin.messages()
                        .byOffset(
                                TOPIC, third.queue().brokerName(), third.queue().queueId(), 999))
                .isEmpty();
    }

    @Test
    void aTimeRangeReadsEveryQueueOldestFirstAndIsBounded() {
        List<MessageView> all = admin.messages().byTime(TOPIC, beforeSend, afterSend, 100);

        assertThat(all)
                .extracting(MessageView::bodyText)
                .containsExactlyInAnyOrder("body-0", "body-1", "body-2", "body-3", "body-4");
        assertThat(all).isSortedAccordingTo((a, b) -> Long.compare(a.storeTimestampMs(), b.storeTimestampMs()));
        assertThat(admin.messages().byTime(TOPIC, beforeSend, afterSend, 2)).hasSize(2);
        assertThat(admin.messages().byTime(TOPIC, afterSend + 60_000, afterSend + 120_000, 10))
                .isEmpty();
    }

    @Test
    void aResendToAConsumerGoesToTheBrokerStoringTheMessage() {
        String group = "admin-direct-group";
        PushConsumer consumer = PushConsumer.create(
                cluster.runtime("admin-direct"),
                ConsumerConfig.builder(group)
                        .offsetStoreDir(dir.resolve("direct"))
                        .build(),
                (message, context) -> ConsumeResult.SUCCESS);
        consumer.subscribe(TOPIC, "*").start();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> admin.groups().connections(group).online());
            SendResult first = sent.get(0);
            Throwable failure =
                    catchThrowable(() -> admin.messages().resendToConsumer(group, null, TOPIC, first.messageId()));
            if (failure == null) {
                DirectConsumeResult result = admin.messages().resendToConsumer(group, null, TOPIC, first.messageId());
                assertThat(result.clientId()).contains("admin-direct");
                assertThat(result.succeeded()).isTrue();
            } else {
                // a broker (or client) without CONSUME_MESSAGE_DIRECTLY: the error names the storing broker
                assertThat(failure)
                        .isInstanceOf(AdminException.class)
                        .hasMessageContaining("CONSUME_MESSAGE_DIRECTLY to "
                                + cluster.cluster.brokerAddress(first.queue().brokerName()));
            }
        } finally {
            consumer.close();
        }
        assertThatThrownBy(() -> admin.messages()
                        .resendToConsumer(
                                "admin-nobody", null, TOPIC, sent.get(0).messageId()))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("no consumer of group admin-nobody is online");
    }

    @Test
    void deadLettersAreListedAndResentToTheirOriginalTopic() {
        String group = "admin-dlq-group";
        String dlq = "%DLQ%" + group;
        admin.topics().createOnBroker(TopicSpec.of(dlq, 1), cluster.cluster.brokerAddress("broker-a"));
        admin.topics().createOnCluster(TopicSpec.of("AdminOrigin", 1), "DefaultCluster");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics().route(dlq).isPresent()
                        && admin.topics().route("AdminOrigin").isPresent());
        for (int i = 0; i < 3; i++) {
            cluster.sendRaw("broker-a", dlq, 0, "dead-" + i, Map.of("RETRY_TOPIC", "AdminOrigin"));
        }

        List<MessageView> dead = admin.deadLetters().list(group, 10);
        assertThat(dead).extracting(MessageView::bodyText).containsExactly("dead-0", "dead-1", "dead-2");
        assertThat(admin.deadLetters().list(group, 2)).hasSize(2);
        assertThat(admin.deadLetters().list("admin-no-dlq", 10)).isEmpty();

        ResendOutcome one = admin.deadLetters().resend(dead.get(0).offsetMsgId());
        assertThat(one.resent()).isEqualTo(1);
        ResendOutcome rest = admin.deadLetters().resendRange(cluster.cluster.brokerAddress("broker-a"), group, 0, 1, 3);
        assertThat(rest.resent()).isEqualTo(2);
        assertThat(admin.messages().byTime("AdminOrigin", 0, Long.MAX_VALUE, 10))
                .extracting(MessageView::bodyText)
                .containsExactlyInAnyOrder("dead-0", "dead-1", "dead-2");
    }

    @Test
    void aDelayedMessageIsPendingUntilCancelled() {
        admin.topics().createOnCluster(TopicSpec.of("AdminLater", 1), "DefaultCluster");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics().route("AdminLater").isPresent());
        SendResult later = cluster.sendDelayed("AdminLater", "later", 18);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !admin.pending().list("AdminLater", 10).isEmpty());
        List<PendingDelivery> pending = admin.pending().list("AdminLater", 10);
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.uniqueKey()).isEqualTo(later.messageId());
            assertThat(p.brokerName()).isEqualTo(later.queue().brokerName());
            assertThat(p.dueAtMs()).isGreaterThan(System.currentTimeMillis());
        });

        assertThat(admin.pending().cancel(later.messageId())).isTrue();
        assertThat(admin.pending().cancel(later.messageId())).isFalse();
        assertThat(admin.pending().list("AdminLater", 10)).isEmpty();
    }
}
