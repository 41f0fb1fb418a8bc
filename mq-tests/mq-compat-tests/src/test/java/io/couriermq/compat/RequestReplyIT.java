package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.RequestTimeoutException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official producer's request(): the request is consumed, the replier answers with
 * MessageUtil.createReplyMessage, and our broker pushes the reply to the requesting client.
 */
class RequestReplyIT {

    private static final int QUEUES = 2;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void aRequestGetsItsReplyWithinTheTimeout() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer replier = clients.producer();
            List<String> consumed = new CopyOnWriteArrayList<>();
            List<Exception> replyFailures = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer responder = clients.pushConsumer(Clients.unique("compat-responder"));
            responder.subscribe(topic, "*");
            responder.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt request : messages) {
                    consumed.add(request.getMsgId());
                    if ("Warm".equals(request.getTags())) {
                        continue;
                    }
                    String question = new String(request.getBody(), StandardCharsets.UTF_8);
                    try {
                        Message reply = MessageUtil.createReplyMessage(
                                request, ("answer to " + question).getBytes(StandardCharsets.UTF_8));
                        replier.send(reply);
                    } catch (Exception e) {
                        replyFailures.add(e);
                        return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            responder.start();
            // the responder's first rebalance may wait 20 s for the route; requests start once it consumes
            replier.send(new Message(topic, "Warm", "warm-up".getBytes(StandardCharsets.UTF_8)));
            await("the responder consumes").atMost(Duration.ofSeconds(60)).until(() -> !consumed.isEmpty());
            DefaultMQProducer requester = clients.producer();

            for (int i = 0; i < 3; i++) {
                Message request = new Message(topic, "TagR", ("question " + i).getBytes(StandardCharsets.UTF_8));
                long startedMs = System.currentTimeMillis();
                long started = System.nanoTime();
                Message reply;
                try {
                    reply = requester.request(request, 20_000);
                } catch (RequestTimeoutException e) {
                    throw new AssertionError(
                            "no reply; requests consumed " + consumed + ", reply failures " + replyFailures, e);
                }

                // the responder is warm: a round trip took 42-254 ms on both brokers (this machine, loaded), far
                // inside the request's own 20 s limit, which only guards against a hang
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("answer to question " + i);
                assertThat(reply.getTopic()).isEqualTo(cluster.broker().clusterName() + "_REPLY_TOPIC");
                assertThat(reply.getProperty("CORRELATION_ID"))
                        .isNotBlank()
                        .isEqualTo(request.getProperty("CORRELATION_ID"));
                // the broker stamps the push (wall clock, same machine): it happened during this very call
                assertThat(Long.parseLong(reply.getProperty("PUSH_REPLY_TIME")))
                        .as("PUSH_REPLY_TIME of reply %d", i)
                        .isBetween(startedMs, System.currentTimeMillis());
            }
        }
    }

    @Test
    void aRequestNobodyAnswersTimesOut() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer requester = clients.producer();
            Message request = new Message(topic, "TagR", "anyone?".getBytes(StandardCharsets.UTF_8));

            long started = System.nanoTime();
            assertThatThrownBy(() -> requester.request(request, 2_000)).isInstanceOf(RequestTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        }
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatRequestTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
