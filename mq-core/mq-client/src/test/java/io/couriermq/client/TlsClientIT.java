package io.couriermq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.PullConsumer;
import io.couriermq.client.consumer.PullConsumerConfig;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.tls.ClientAuthMode;
import io.couriermq.remoting.netty.tls.TestCertificates;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import io.couriermq.remoting.netty.tls.TrustSource;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.test.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client over mutual TLS against our NameServer and broker, both enforcing and requiring client
 * certificates; the broker registers over mutual TLS too. Large messages come back in pull responses,
 * the store's zero-copy buffers encrypted by the SslHandler.
 */
class TlsClientIT {
    private static final String TOPIC = "TlsTopic";
    private static final int LARGE_BYTES = 3 * 1024 * 1024;

    @TempDir
    static Path dir;

    private static TestCertificates pki;
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() {
        pki = TestCertificates.createIn(dir.resolve("pki"));
        TlsServerSettings mutual = TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server"))
                .withClientAuth(ClientAuthMode.REQUIRE, new TrustSource.PemBundle(pki.caPem()));
        cluster = EmbeddedCluster.builder()
                .parentDirectory(dir)
                .nameServerTls(mutual)
                .brokerSettings(Map.of(
                        "tls.server.mode", "enforcing",
                        "tls.server.certPath", pki.pem("server").certChain().toString(),
                        "tls.server.keyPath", pki.pem("server").privateKey().toString(),
                        "tls.server.need.client.auth", "require",
                        "tls.server.authClient", "true",
                        "tls.server.trustCertPath", pki.caPem().toString(),
                        "tls.client.certPath", pki.pem("client").certChain().toString(),
                        "tls.client.keyPath", pki.pem("client").privateKey().toString()))
                .start();
        cluster.createTopic(TOPIC, 1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void largeMessagesGoAndComeBackOverMutualTls() {
        byte[] first = random(LARGE_BYTES);
        byte[] second = random(LARGE_BYTES);
        try (ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                        .instanceName("tls-client")
                        .requestTimeoutMs(10_000)
                        .useTls(new TrustSource.PemBundle(pki.caPem()))
                        .tlsClientKey(pki.pem("client"))
                        .build());
                Producer producer = Producer.start(
                        runtime, ProducerConfig.builder("tls-producer").build());
                PullConsumer consumer = PullConsumer.create(
                        runtime, PullConsumerConfig.builder("tls-consumer").build())) {
            SendResult sent =
                    producer.send(OutgoingMessage.builder(TOPIC, first).build());
            producer.send(OutgoingMessage.builder(TOPIC, second).build());
            consumer.assign(consumer.queuesOf(TOPIC));

            List<ReceivedMessage> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                received.addAll(consumer.poll(Duration.ofMillis(500)));
                return received.size() >= 2;
            });

            assertThat(sent.messageId()).isNotBlank();
            assertThat(received.get(0).body()).isEqualTo(first);
            assertThat(received.get(1).body()).isEqualTo(second);
        }
    }

    @Test
    void withoutAClientCertificateOrWithoutTlsNothingIsSent() {
        for (ClientConfig.Builder refused : List.of(
                ClientConfig.builder(cluster.nameServerAddress())
                        .instanceName("tls-no-cert")
                        .useTls(new TrustSource.PemBundle(pki.caPem())),
                ClientConfig.builder(cluster.nameServerAddress()).instanceName("plain"))) {
            try (ClientRuntime runtime = ClientRuntime.start(refused.build());
                    Producer producer = Producer.start(
                            runtime, ProducerConfig.builder("refused").build())) {
                assertThatThrownBy(() -> producer.send(
                                OutgoingMessage.builder(TOPIC, new byte[] {1}).build()))
                        .isInstanceOf(ClientException.class);
            }
        }
    }

    /** The fast (VIP) port serves the same TLS policy as the main port. */
    @Test
    void theFastChannelRequiresMutualTlsToo() {
        String fast =
                EmbeddedCluster.HOST + ":" + cluster.broker("broker-a").broker().fastListenPort();
        RemotingCommand runtimeInfo =
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build();
        TlsClientSettings mutual = TlsClientSettings.verifyingServer()
                .withTrust(new TrustSource.PemBundle(pki.caPem()))
                .withClientKey(pki.pem("client"));
        try (NettyRemotingClient tls = new NettyRemotingClient(
                        RemotingClientConfig.defaults().withTls(mutual), new ChannelEventListener() {});
                NettyRemotingClient plain =
                        new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            assertThat(tls.invokeSync(fast, runtimeInfo, 5_000).code()).isEqualTo(ResponseCode.SUCCESS.code());
            assertThatThrownBy(() -> plain.invokeSync(fast, runtimeInfo, 5_000))
                    .isInstanceOf(RemotingException.class)
                    .isNotInstanceOf(RemotingTimeoutException.class);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
