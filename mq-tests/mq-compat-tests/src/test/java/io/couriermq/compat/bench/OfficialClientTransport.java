package io.couriermq.compat.bench;

import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.TopicRoute;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.Outcome;
import io.couriermq.tools.bench.transport.PullResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * The load generator's {@link BenchTransport} over the official Apache RocketMQ 5.2.0 {@link
 * DefaultMQProducer}, so the same runners, stats and RESULT line measure the official client as measure
 * ours. Sends go to the queue the runner picked through a {@link MessageQueueSelector} (sync, async,
 * oneway) or straight to it (batch); routes, topic creation and offsets use the producer's own
 * MQClientAPIImpl. Pulls are not offered: this transport measures producing only.
 */
public final class OfficialClientTransport implements BenchTransport {
    private static final long ADMIN_TIMEOUT_MS = 5_000;
    /** The runner's {@link BenchQueue} travels as the selector's argument. */
    private static final MessageQueueSelector RUNNER_PICKS = (queues, message, argument) -> {
        BenchQueue queue = (BenchQueue) argument;
        return new MessageQueue(message.getTopic(), queue.brokerName(), queue.queueId());
    };

    private final DefaultMQProducer producer;
    private final MQClientAPIImpl api;

    private OfficialClientTransport(DefaultMQProducer producer) {
        this.producer = producer;
        this.api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    /** A started producer of {@code group} with the client's defaults (3 s timeout, 2 retries). */
    public static OfficialClientTransport start(String nameServer, String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(nameServer);
        // Our broker listens on one port; the VIP channel would be port - 2.
        producer.setVipChannelEnabled(false);
        producer.setInstanceName(
                "bench-official-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("the official producer did not start: " + e.getMessage(), e);
        }
        return new OfficialClientTransport(producer);
    }

    @Override
    public Optional<TopicRoute> route(String topic) {
        TopicRouteData route;
        try {
            route = api.getTopicRouteInfoFromNameServer(topic, ADMIN_TIMEOUT_MS);
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Optional.empty();
            }
            throw new IllegalStateException("route of " + topic + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw failed("route of " + topic, e);
        }
        return Optional.of(benchRoute(route));
    }

    @Override
    public List<String> createTopic(String topic, int queues) {
        List<String> masters = new ArrayList<>();
        try {
            for (BrokerData broker : api.getBrokerClusterInfo(ADMIN_TIMEOUT_MS)
                    .getBrokerAddrTable()
                    .values()) {
                String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (master != null) {
                    TopicConfig config =
                            new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
                    api.createTopic(master, TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, config, ADMIN_TIMEOUT_MS);
                    masters.add(master);
                }
            }
        } catch (Exception e) {
            throw failed("creating " + topic, e);
        }
        return masters;
    }

    @Override
    public Outcome sendSync(String topic, BenchQueue queue, byte[] body) {
        try {
            return outcome(producer.send(new Message(topic, body), RUNNER_PICKS, queue));
        } catch (Exception e) {
            return OfficialOutcomes.failure(e);
        }
    }

    @Override
    public CompletableFuture<Outcome> sendAsync(String topic, BenchQueue queue, byte[] body) {
        CompletableFuture<Outcome> answered = new CompletableFuture<>();
        try {
            producer.send(new Message(topic, body), RUNNER_PICKS, queue, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    answered.complete(outcome(result));
                }

                @Override
                public void onException(Throwable failure) {
                    answered.complete(OfficialOutcomes.failure(failure));
                }
            });
        } catch (Exception e) {
            answered.complete(OfficialOutcomes.failure(e));
        }
        return answered;
    }

    @Override
    public CompletableFuture<Outcome> sendOneway(String topic, BenchQueue queue, byte[] body) {
        try {
            producer.sendOneway(new Message(topic, body), RUNNER_PICKS, queue);
            return CompletableFuture.completedFuture(Outcome.SUCCESS);
        } catch (Exception e) {
            return CompletableFuture.completedFuture(OfficialOutcomes.failure(e));
        }
    }

    @Override
    public Outcome sendBatch(String topic, BenchQueue queue, List<byte[]> bodies) {
        List<Message> messages =
                bodies.stream().map(body -> new Message(topic, body)).toList();
        try {
            return outcome(producer.send(messages, new MessageQueue(topic, queue.brokerName(), queue.queueId())));
        } catch (Exception e) {
            return OfficialOutcomes.failure(e);
        }
    }

    @Override
    public PullResult pull(String topic, BenchQueue queue, long offset, long suspendMs) {
        throw new UnsupportedOperationException("the official client transport measures producing only");
    }

    @Override
    public long minOffset(String topic, BenchQueue queue) {
        try {
            return api.getMinOffset(queue.brokerAddress(), messageQueue(topic, queue), ADMIN_TIMEOUT_MS);
        } catch (Exception e) {
            throw failed("min offset of " + queue, e);
        }
    }

    @Override
    public long maxOffset(String topic, BenchQueue queue) {
        try {
            return api.getMaxOffset(queue.brokerAddress(), messageQueue(topic, queue), ADMIN_TIMEOUT_MS);
        } catch (Exception e) {
            throw failed("max offset of " + queue, e);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }

    private static MessageQueue messageQueue(String topic, BenchQueue queue) {
        return new MessageQueue(topic, queue.brokerName(), queue.queueId());
    }

    private static Outcome outcome(SendResult result) {
        return result.getSendStatus() == SendStatus.SEND_OK
                ? Outcome.SUCCESS
                : new Outcome(result.getSendStatus().name());
    }

    /** Writable and readable queues of brokers with a master, ordered by broker name then queue id. */
    static TopicRoute benchRoute(TopicRouteData route) {
        Map<String, String> masters = new HashMap<>();
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                masters.put(broker.getBrokerName(), master);
            }
        }
        List<QueueData> queueDatas = route.getQueueDatas().stream()
                .filter(data -> masters.containsKey(data.getBrokerName()))
                .sorted(Comparator.comparing(QueueData::getBrokerName))
                .toList();
        return TopicRoute.of(
                expand(queueDatas, masters, data -> PermName.isWriteable(data.getPerm()), QueueData::getWriteQueueNums),
                expand(queueDatas, masters, data -> PermName.isReadable(data.getPerm()), QueueData::getReadQueueNums));
    }

    private static List<BenchQueue> expand(
            List<QueueData> queueDatas,
            Map<String, String> masters,
            Predicate<QueueData> permitted,
            ToIntFunction<QueueData> count) {
        List<BenchQueue> queues = new ArrayList<>();
        for (QueueData data : queueDatas) {
            if (permitted.test(data)) {
                for (int id = 0; id < count.applyAsInt(data); id++) {
                    queues.add(new BenchQueue(data.getBrokerName(), masters.get(data.getBrokerName()), id));
                }
            }
        }
        return queues;
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
