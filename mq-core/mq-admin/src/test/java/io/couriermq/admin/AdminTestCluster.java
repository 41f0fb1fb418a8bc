package io.couriermq.admin;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.test.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Two masters and a NameServer in this JVM, a producer on them, and client runtimes closed with it. */
final class AdminTestCluster implements AutoCloseable {
    final EmbeddedCluster cluster;
    private final List<ClientRuntime> runtimes = new ArrayList<>();
    private final Producer producer;

    AdminTestCluster() {
        cluster = EmbeddedCluster.builder().masters(2).start();
        producer = Producer.start(
                runtime("admin-it-producer"),
                ProducerConfig.builder("admin-it-producer").build());
    }

    String nameServer() {
        return cluster.nameServerAddress();
    }

    ClientRuntime runtime(String instanceName) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                .instanceName(instanceName)
                .clientIp("127.0.0.1")
                .build());
        runtimes.add(runtime);
        return runtime;
    }

    SendResult send(String topic, String body, String tags, String keys) {
        OutgoingMessage.Builder message = OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8));
        if (tags != null) {
            message.tags(tags);
        }
        if (keys != null) {
            message.keys(keys);
        }
        return producer.send(message.build());
    }

    @Override
    public void close() {
        producer.close();
        runtimes.forEach(ClientRuntime::close);
        cluster.close();
    }
}
