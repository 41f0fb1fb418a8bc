package io.couriermq.console;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConcurrentMessageListener;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.test.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Two masters and a NameServer in this JVM, a producer, and consumers closed with it. */
final class ConsoleTestCluster implements AutoCloseable {
    final EmbeddedCluster cluster;
    private final Path offsetDir;
    private final List<ClientRuntime> runtimes = new ArrayList<>();
    private final List<PushConsumer> consumers = new ArrayList<>();
    private final Producer producer;

    ConsoleTestCluster(Path offsetDir) {
        this.offsetDir = offsetDir;
        cluster = EmbeddedCluster.builder().masters(2).start();
        producer = Producer.start(
                runtime("console-it-producer"),
                ProducerConfig.builder("console-it-producer").build());
    }

    String nameServer() {
        return cluster.nameServerAddress();
    }

    SendResult send(String topic, String body, String tags, String key) {
        return producer.send(OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8))
                .tags(tags)
                .keys(key)
                .build());
    }

    SendResult sendDelayed(String topic, String body, int delayLevel) {
        return producer.send(OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8))
                .delayLevel(delayLevel)
                .build());
    }

    /** A started clustering consumer of the group from the first offset; {@code maxReconsumeTimes} 0 sends failures to the DLQ at once. */
    PushConsumer consume(String group, String topic, int maxReconsumeTimes, ConcurrentMessageListener listener) {
        PushConsumer consumer = PushConsumer.create(
                runtime(group + "-" + consumers.size()),
                ConsumerConfig.builder(group)
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .persistOffsetIntervalMs(200)
                        .maxReconsumeTimes(maxReconsumeTimes)
                        .offsetStoreDir(offsetDir.resolve(group))
                        .build(),
                listener);
        consumer.subscribe(topic, "*").start();
        consumers.add(consumer);
        return consumer;
    }

    private ClientRuntime runtime(String instanceName) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                .instanceName(instanceName)
                .clientIp("127.0.0.1")
                .build());
        runtimes.add(runtime);
        return runtime;
    }

    @Override
    public void close() {
        consumers.forEach(PushConsumer::close);
        producer.close();
        runtimes.forEach(ClientRuntime::close);
        cluster.close();
    }
}
