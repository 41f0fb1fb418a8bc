package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queries of the official admin API (what mqadmin queryMsgByKey / queryMsgById /
 * queryMsgByUniqueKey and the consumers' CONSUME_FROM_TIMESTAMP use): by key within a time range, by
 * offset message id, by unique key, and a queue offset by store time.
 */
class MessageQueryIT {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(15);
    private static final MessageQueueSelector FIRST_QUEUE = (queues, message, arg) -> queues.get(0);

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void queryByKeyFindsTheMessagesStoredWithinTheTimeRangeOnly() throws Exception {
        String topic = newTopic();
        String key = Clients.unique("query-key");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producer.send(ProducerSendModesIT.message(topic, "TagA", "noise", 0));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "by-key", i);
                message.setKeys(List.of(key, "other-" + i));
                ids.add(producer.send(message).getMsgId());
            }
            MessageExt last = await("the key indexed")
                    .atMost(INDEX_TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(
                            () -> admin().queryMessage(topic, key, 32, 0, Long.MAX_VALUE),
                            r -> r.getMessageList().size() == 3)
                    .getMessageList()
                    .stream()
                    .max(Comparator.comparingLong(MessageExt::getStoreTimestamp))
                    .orElseThrow();
            long first = admin().queryMessage(topic, key, 32, 0, Long.MAX_VALUE).getMessageList().stream()
                    .mapToLong(MessageExt::getStoreTimestamp)
                    .min()
                    .orElseThrow();

            // Our broker checks each record's store time, so the range is exact; the official broker
            // compares index times truncated to whole seconds, so it gets a second of slack each way.
            long slack = cluster.broker().kind() == ServerKind.COURIER ? 0 : 1_000;
            long lastStored = last.getStoreTimestamp();
            QueryResult within = admin().queryMessage(topic, key, 32, first - slack, lastStored + slack);
            assertThat(within.getMessageList())
                    .extracting(MessageExt::getMsgId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(within.getMessageList())
                    .allSatisfy(m -> assertThat(m.getKeys()).contains(key));
            assertThat(keyQuery(topic, key, first - 3_600_000, first - 1 - slack))
                    .as("before the range")
                    .isEmpty();
            assertThat(keyQuery(topic, key, lastStored + 1 + slack, Long.MAX_VALUE))
                    .as("after the range")
                    .isEmpty();
            assertThat(keyQuery(topic, "no-such-key-" + key, 0, Long.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void viewMessageByOffsetIdAndQueryByUniqueKeyFindTheSameMessage() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Message sent = ProducerSendModesIT.message(topic, "TagA", "by-id", 1);
            SendResult result = producer.send(sent);

            MessageExt byOffsetId = admin().viewMessage(result.getOffsetMsgId());
            Received.assertIntact(sent, byOffsetId);
            assertThat(byOffsetId.getMsgId()).isEqualTo(result.getMsgId());

            QueryResult byUniqueKey = await("the unique key indexed")
                    .atMost(INDEX_TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(
                            () -> admin().queryMessageByUniqKey(topic, result.getMsgId(), 32, 0, Long.MAX_VALUE),
                            r -> !r.getMessageList().isEmpty());
            assertThat(byUniqueKey.getMessageList()).singleElement().satisfies(message -> {
                Received.assertIntact(sent, message);
                assertThat(message.getMsgId()).isEqualTo(result.getMsgId());
                assertThat(message.getCommitLogOffset()).isEqualTo(byOffsetId.getCommitLogOffset());
            });
            // mqadmin queryMsgById accepts either id: an offset id is read directly, a unique key is queried.
            assertThat(admin().viewMessage(topic, result.getOffsetMsgId()).getMsgId())
                    .isEqualTo(result.getMsgId());
            assertThat(admin().viewMessage(topic, result.getMsgId()).getCommitLogOffset())
                    .isEqualTo(byOffsetId.getCommitLogOffset());
        }
    }

    @Test
    void searchOffsetFindsTheFirstMessageStoredAtOrAfterATimestamp() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            List<MessageExt> stored = new ArrayList<>();
            MessageQueue queue = null;
            for (int i = 0; i < 6; i++) {
                SendResult result =
                        producer.send(ProducerSendModesIT.message(topic, "TagA", "by-time", i), FIRST_QUEUE, null);
                queue = result.getMessageQueue();
                stored.add(admin().viewMessage(result.getOffsetMsgId()));
                long storedAt = stored.get(i).getStoreTimestamp();
                // Distinct store times, so "the first at or after" has one answer.
                await().pollDelay(Duration.ofMillis(2)).until(() -> System.currentTimeMillis() > storedAt + 1);
            }
            assertThat(stored).extracting(MessageExt::getQueueOffset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            MessageQueue searched = queue;

            assertThat(admin().searchOffset(searched, stored.get(3).getStoreTimestamp()))
                    .isEqualTo(3);
            assertThat(admin().searchOffset(searched, stored.get(3).getStoreTimestamp() - 1))
                    .as("between the 3rd and the 4th message")
                    .isEqualTo(3);
            assertThat(admin().searchOffset(searched, 0)).isZero();
            assertThat(admin().earliestMsgStoreTime(searched))
                    .isEqualTo(stored.get(0).getStoreTimestamp());
        }
    }

    /** The messages a key query finds; the official client throws instead of answering an empty list. */
    private static List<MessageExt> keyQuery(String topic, String key, long begin, long end) throws Exception {
        try {
            return admin().queryMessage(topic, key, 32, begin, end).getMessageList();
        } catch (MQClientException e) {
            assertThat(e.getMessage()).contains("no message");
            return List.of();
        }
    }

    private static DefaultMQAdminExt admin() {
        return cluster.admin().raw();
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatQueryTopic");
        cluster.admin().createTopic(cluster.broker(), topic, 2, Duration.ofSeconds(30));
        return topic;
    }
}
