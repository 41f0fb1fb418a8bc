package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.filter.ExpressionType;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input gets a clear answer and leaves nothing behind: an oversized message, a send to an unknown
 * topic with auto-creation off, a pull from a queue id that does not exist, a header without its
 * required fields. The broker runs with {@code autoCreateTopicEnable=false}.
 */
class BadInputIT {

    private static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    private static final int QUEUES = 2;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(
            Broker.Settings.defaults().withProperties(Map.of("autoCreateTopicEnable", "false")));

    @Test
    void oversizedMessageIsRejectedByTheClientAndByTheBrokerAndNothingIsStored() throws Exception {
        String topic = newTopic();
        MessageQueueSelector firstQueue = (queues, message, arg) -> queues.get(0);
        byte[] oversized = new byte[MAX_MESSAGE_SIZE + 1024];
        new Random(42).nextBytes(oversized);
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            MessageQueue queue =
                    producer.send(small(topic, "first"), firstQueue, null).getMessageQueue();
            long maxBefore = cluster.admin().raw().maxOffset(queue);

            // The client's own check (maxMessageSize 4 MiB) stops it before anything is sent.
            MQClientException clientSide = catchThrowableOfType(
                    MQClientException.class, () -> producer.send(new Message(topic, "TagA", "big", oversized)));
            assertThat(clientSide.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);

            // A client that allows more sends it; the broker must refuse it with MESSAGE_ILLEGAL.
            producer.setMaxMessageSize(16 * 1024 * 1024);
            producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
            MQBrokerException brokerSide = catchThrowableOfType(
                    MQBrokerException.class,
                    () -> producer.send(new Message(topic, "TagA", "big", oversized), firstQueue, null));
            assertThat(brokerSide)
                    .as("the broker's answer to a %s-byte body", oversized.length)
                    .isNotNull();
            assertThat(brokerSide.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);

            assertThat(cluster.admin().raw().maxOffset(queue))
                    .as("nothing stored")
                    .isEqualTo(maxBefore);
            SendResult next = producer.send(small(topic, "after"), firstQueue, null);
            assertThat(next.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(next.getQueueOffset())
                    .as("the next message takes the next offset")
                    .isEqualTo(maxBefore);
        }
    }

    @Test
    void sendToAnUnknownTopicFailsWithNoRouteAndTheBrokerAnswersTopicNotExist() throws Exception {
        String topic = Clients.unique("CompatUnknownTopic");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();

            // No route for the topic and, with auto-creation off, none for TBW102 either.
            MQClientException noRoute =
                    catchThrowableOfType(MQClientException.class, () -> producer.send(small(topic, "lost")));
            assertThat(noRoute).hasMessageContaining("No route info of this topic");

            // The broker itself, asked directly (SEND_MESSAGE_V2 to its address): TOPIC_NOT_EXIST.
            MQBrokerException direct = catchThrowableOfType(
                    MQBrokerException.class, () -> sendDirectly(Clients.api(producer), small(topic, "direct")));
            assertThat(direct).isNotNull();
            assertThat(direct.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

            assertThat(cluster.admin().route(topic)).as("route of " + topic).isEmpty();
            assertThat(cluster.admin()
                            .raw()
                            .getAllTopicConfig(cluster.broker().address(), 3_000)
                            .getTopicConfigTable())
                    .as("topics of the broker")
                    .doesNotContainKey(topic);
        }
    }

    @Test
    void pullFromAQueueIdThatDoesNotExistIsAnError() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producer.send(small(topic, "present"));
            PullMessageRequestHeader header = new PullMessageRequestHeader();
            header.setConsumerGroup(Clients.unique("compat-bad-pull"));
            header.setTopic(topic);
            header.setQueueId(QUEUES + 5);
            header.setQueueOffset(0L);
            header.setMaxMsgNums(32);
            header.setSysFlag(PullSysFlag.buildSysFlag(false, false, true, false));
            header.setCommitOffset(0L);
            header.setSuspendTimeoutMillis(0L);
            header.setSubscription("*");
            header.setSubVersion(0L);
            header.setExpressionType(ExpressionType.TAG);

            MQBrokerException error = catchThrowableOfType(MQBrokerException.class, () -> Clients.api(producer)
                    .pullMessage(cluster.broker().address(), header, 3_000, CommunicationMode.SYNC, null));

            assertThat(error)
                    .as("PULL_MESSAGE for queue %s of a %s-queue topic", QUEUES + 5, QUEUES)
                    .isNotNull();
            assertThat(error.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(error.getErrorMessage()).isNotBlank();
        }
    }

    @Test
    void sendWithoutItsRequiredHeaderFieldsGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producer.send(small(topic, "warm-up"));
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
            request.setBody("no header".getBytes(StandardCharsets.UTF_8));

            RemotingCommand response = Clients.api(producer)
                    .getRemotingClient()
                    .invokeSync(cluster.broker().address(), request, 3_000);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.getRemark()).isNotBlank();
            assertThat(producer.send(small(topic, "after")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    private static SendResult sendDirectly(MQClientAPIImpl api, Message message) throws Exception {
        message.putUserProperty("compat.direct", "true");
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(Clients.unique("compat-direct"));
        header.setTopic(message.getTopic());
        header.setDefaultTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties(MessageDecoder.messageProperties2String(message.getProperties()));
        header.setReconsumeTimes(0);
        header.setBatch(false);
        return api.sendMessage(
                cluster.broker().address(),
                cluster.broker().brokerName(),
                message,
                header,
                3_000,
                CommunicationMode.SYNC,
                null,
                null);
    }

    private static Message small(String topic, String key) {
        return new Message(topic, "TagA", key, ("small " + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatBadInputTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
