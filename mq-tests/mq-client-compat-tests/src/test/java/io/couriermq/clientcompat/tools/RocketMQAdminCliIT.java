package io.couriermq.clientcompat.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our admin CLI ({@code mq-tools}, in this JVM) against Apache RocketMQ 5.2.0's NameServer and broker: the
 * standard commands work, and a CourierMQ extension is refused with an error saying the broker does not
 * support it.
 */
class RocketMQAdminCliIT {
    private static ClusterUnderTest cluster;
    private static ClientRuntime runtime;
    private static Producer producer;
    private static String namesrv;
    private static String broker;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        cluster = ClusterUnderTest.start(ClusterUnderTest.Kind.ROCKETMQ, 1, "RocketMQAdminCliIT");
        namesrv = cluster.nameServerAddress();
        broker = cluster.brokerAddress(cluster.brokerNames().get(0));
        runtime = ClientRuntime.start(ClientConfig.builder(namesrv)
                .instanceName("rocketmq-admin-cli")
                .clientIp("127.0.0.1")
                .build());
        producer = Producer.start(
                runtime, ProducerConfig.builder("rocketmq-admin-cli").build());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void topicsBrokersAndMessagesOnApacheRocketMQ() {
        assertThat(run("topic", "create", "-n", namesrv, "-t", "CliOnRocketMQ", "-b", broker, "-r", "2", "-w", "2"))
                .as(stderr())
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> run("topic", "route", "-n", namesrv, "-t", "CliOnRocketMQ") == 0);
        SendResult sent =
                producer.send(OutgoingMessage.builder("CliOnRocketMQ", "on rocketmq".getBytes(StandardCharsets.UTF_8))
                        .keys("cli-key")
                        .build());

        assertThat(run("topic", "status", "-n", namesrv, "-t", "CliOnRocketMQ", "--json"))
                .as(stderr())
                .isZero();
        assertThat(stdout()).containsPattern("\"totalMaxOffset\" ?: ?1");
        assertThat(run("topic", "list", "-n", namesrv)).isZero();
        assertThat(stdout()).contains("CliOnRocketMQ");
        assertThat(run("broker", "clusters", "-n", namesrv)).as(stderr()).isZero();
        assertThat(stdout()).contains(broker);
        assertThat(run("broker", "config", "get", "-n", namesrv, "-b", broker))
                .as(stderr())
                .isZero();
        assertThat(stdout()).contains("brokerClusterName");
        assertThat(run("message", "id", "-n", namesrv, "-i", sent.offsetMessageId()))
                .as(stderr())
                .isZero();
        assertThat(stdout()).contains("on rocketmq");

        assertThat(run("message", "pending", "-n", namesrv, "-t", "CliOnRocketMQ"))
                .isEqualTo(1);
        assertThat(stderr()).contains("does not support");

        assertThat(run("topic", "delete", "-n", namesrv, "-t", "CliOnRocketMQ"))
                .as(stderr())
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> run("topic", "route", "-n", namesrv, "-t", "CliOnRocketMQ") == 1);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(
                args,
                new Console(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
