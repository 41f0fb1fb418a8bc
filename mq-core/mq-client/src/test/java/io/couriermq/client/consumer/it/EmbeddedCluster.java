package io.couriermq.client.consumer.it;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real NameServer and broker in this JVM on free ports, and a raw sender (the producer is not ours to use yet). */
final class EmbeddedCluster implements AutoCloseable {
    final NameServer nameServer;
    final Broker broker;
    private final List<ClientRuntime> runtimes = new ArrayList<>();
    private final ClientRuntime sender;

    EmbeddedCluster(Path storeDir) {
        nameServer = new NameServer(
                new NameServerConfig(
                        RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), 120_000, 1_000, false),
                Clock.system());
        nameServer.start();
        BrokerSettings settings = BrokerSettingsLoader.load(
                Map.of(
                        "namesrvAddr",
                        nameServerAddress(),
                        "listenPort",
                        "0",
                        "mappedFileSizeCommitLog",
                        String.valueOf(8 << 20),
                        "mappedFileSizeConsumeQueue",
                        String.valueOf(20 * 1000)),
                storeDir,
                "127.0.0.1");
        broker = new Broker(settings, Clock.system());
        broker.start();
        sender = runtime("sender");
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    String brokerAddress() {
        return "127.0.0.1:" + broker.listenPort();
    }

    ClientConfig clientConfig(String instanceName) {
        return ClientConfig.builder(nameServerAddress())
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

    /** SEND_MESSAGE_V2 to one queue (the broker creates the topic with 4 queues on first use). */
    void send(String topic, int queueId, String body, String tags) {
        String properties = (tags == null ? "" : "TAGS\u0001" + tags + "\u0002") + "WAIT\u0001true\u0002";
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "it-producer",
                topic,
                "TBW102",
                4,
                queueId,
                0,
                System.currentTimeMillis(),
                0,
                properties,
                0,
                false,
                null,
                false,
                null);
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .header(header.v2())
                .body(body.getBytes(StandardCharsets.UTF_8))
                .build();
        sender.brokers().call(brokerAddress(), request);
    }

    /** Creates {@code topic} (4 queues) with one message per queue and waits until the NameServer routes it. */
    void createTopic(String topic) {
        for (int queue = 0; queue < 4; queue++) {
            send(topic, queue, "warmup-" + queue, null);
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> {
                    try {
                        return BrokerRpc.join(sender.routes().refresh(topic))
                                        .readQueues()
                                        .size()
                                == 4;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        runtimes.forEach(ClientRuntime::close);
        broker.shutdown();
        nameServer.shutdown();
    }
}
