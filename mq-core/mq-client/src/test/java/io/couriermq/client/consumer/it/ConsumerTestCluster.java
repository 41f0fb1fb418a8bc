package io.couriermq.client.consumer.it;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.support.LocalCluster;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A NameServer and one broker ({@code broker-a}) in this JVM on free ports ({@link LocalCluster}), the
 * runtimes the consumers of a test use, and a producer that writes to a chosen queue.
 */
final class ConsumerTestCluster implements AutoCloseable {
    static final String BROKER = "broker-a";

    private final LocalCluster cluster;
    private final List<ClientRuntime> runtimes = new ArrayList<>();
    private final Producer producer;

    ConsumerTestCluster(Path dir) {
        cluster = new LocalCluster(dir, 1);
        producer = Producer.start(
                runtime("producer"), ProducerConfig.builder("it-producer").build());
    }

    ClientConfig clientConfig(String instanceName) {
        return ClientConfig.builder(cluster.nameServerAddress())
                .instanceName(instanceName)
                .clientIp("127.0.0.1")
                .build();
    }

    /** A runtime closed with the cluster. */
    ClientRuntime runtime(String instanceName) {
        ClientRuntime runtime = ClientRuntime.start(clientConfig(instanceName));
        runtimes.add(runtime);
        return runtime;
    }

    /** Sends to queue {@code queueId} of {@code topic} on broker-a. */
    void send(String topic, int queueId, String body, String tags) {
        OutgoingMessage.Builder message = OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8));
        if (tags != null) {
            message.tags(tags);
        }
        producer.send(
                message.build(),
                (queues, outgoing, argument) -> queues.stream()
                        .filter(queue -> queue.queueId() == queueId)
                        .findFirst()
                        .orElseThrow(),
                null);
    }

    /** Creates {@code topic} with 4 queues and one "warmup-<queue>" message in each. */
    void createTopic(String topic) {
        cluster.createTopic(topic, 4);
        for (int queue = 0; queue < 4; queue++) {
            send(topic, queue, "warmup-" + queue, null);
        }
    }

    /**
     * The connection broker-a holds to {@code clientId}'s consumer of {@code group}: a test sends the
     * broker's callbacks (307, 309, 220, 221) over it, as the broker would.
     */
    RemotingChannel channelToConsumer(String group, String clientId) {
        return cluster.broker(BROKER).consumers().channelOf(group, clientId).orElseThrow();
    }

    /** The stored record at {@code offset} of a queue on broker-a, as the broker reads it. */
    byte[] storedRecord(String topic, int queueId, long offset) {
        return cluster.storedRecord(BROKER, topic, queueId, offset);
    }

    /** The offset broker-a has committed for the group's queue, -1 if none. */
    long committedOffset(String group, String topic, int queueId) {
        return cluster.broker(BROKER)
                .offsets()
                .committedOffset(group, topic, queueId)
                .orElse(-1);
    }

    @Override
    public void close() {
        producer.close();
        runtimes.forEach(ClientRuntime::close);
        cluster.close();
    }
}
