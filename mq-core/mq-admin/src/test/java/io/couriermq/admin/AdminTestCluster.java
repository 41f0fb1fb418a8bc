package io.couriermq.admin;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.test.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** SEND_MESSAGE_V2 straight to one queue of a broker, with the given properties (for system topics). */
    void sendRaw(String brokerName, String topic, int queueId, String body, Map<String, String> properties) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "admin-it-raw",
                topic,
                "TBW102",
                4,
                queueId,
                0,
                System.currentTimeMillis(),
                0,
                MessageProperties.encode(properties),
                0,
                false,
                null,
                false,
                brokerName);
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            RemotingCommand response = client.invokeSync(
                    cluster.brokerAddress(brokerName),
                    RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                            .header(header.v2())
                            .body(body.getBytes(StandardCharsets.UTF_8))
                            .build(),
                    5_000);
            if (response.code() != ResponseCode.SUCCESS.code()) {
                throw new IllegalStateException("raw send refused: " + response.code() + " " + response.remark());
            }
        }
    }

    SendResult sendDelayed(String topic, String body, int level) {
        return producer.send(OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8))
                .delayLevel(level)
                .build());
    }

    @Override
    public void close() {
        producer.close();
        runtimes.forEach(ClientRuntime::close);
        cluster.close();
    }
}
