package io.couriermq.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.test.EmbeddedCluster;
import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin commands run in this JVM against two in-process masters: output, JSON and exit codes. */
class AdminCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedCluster cluster;
    private static ClientRuntime runtime;
    private static Producer producer;
    private static String namesrv;

    @TempDir
    static Path offsets;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().masters(2).start();
        namesrv = cluster.nameServerAddress();
        runtime = ClientRuntime.start(ClientConfig.builder(namesrv)
                .instanceName("admin-cli-it")
                .clientIp("127.0.0.1")
                .build());
        producer = Producer.start(
                runtime, ProducerConfig.builder("admin-cli-producer").build());
    }

    @AfterAll
    static void stop() {
        producer.close();
        runtime.close();
        cluster.close();
    }

    @BeforeEach
    void clear() {
        out.reset();
        err.reset();
    }

    @Test
    void topicCreateRouteStatusListAndDelete() {
        assertThat(run(
                        "topic",
                        "create",
                        "-n",
                        namesrv,
                        "-t",
                        "CliTopic",
                        "-c",
                        "DefaultCluster",
                        "-r",
                        "2",
                        "-w",
                        "2"))
                .isZero();
        assertThat(stdout()).contains("created CliTopic on broker-a, broker-b");
        await().atMost(Duration.ofSeconds(10)).until(() -> run("topic", "route", "-n", namesrv, "-t", "CliTopic") == 0);

        assertThat(run("topic", "route", "-n", namesrv, "-t", "CliTopic", "--json"))
                .isZero();
        JsonNode route = json();
        assertThat(route.get("queues")).hasSize(2);
        assertThat(route.get("queues").get(0).get("writeQueues").asInt()).isEqualTo(2);

        send("CliTopic", "hello", "k1");
        assertThat(run("topic", "status", "-n", namesrv, "-t", "CliTopic", "--json"))
                .isZero();
        assertThat(json().get("totalMaxOffset").asLong()).isEqualTo(1);
        assertThat(run("topic", "status", "-n", namesrv, "-t", "CliTopic")).isZero();
        assertThat(stdout()).contains("BROKER", "QUEUE", "MIN", "MAX", "broker-a");

        assertThat(run("topic", "list", "-n", namesrv, "--json")).isZero();
        assertThat(json().valueStream().map(JsonNode::asString)).contains("CliTopic");

        assertThat(run(
                        "topic",
                        "update",
                        "-n",
                        namesrv,
                        "-t",
                        "CliTopic",
                        "-b",
                        cluster.brokerAddress("broker-a"),
                        "-w",
                        "3",
                        "-r",
                        "3"))
                .isZero();
        assertThat(run("topic", "delete", "-n", namesrv, "-t", "CliTopic", "-c", "DefaultCluster"))
                .isZero();
        assertThat(run("topic", "route", "-n", namesrv, "-t", "CliTopic")).isEqualTo(1);
        assertThat(stderr()).contains("no route for topic CliTopic");
    }

    @Test
    void brokerClustersStatusAndMessagesByIdKeyAndOffset() {
        createTopic("CliMessages");
        SendResult sent = send("CliMessages", "payload-1", "order-7");

        assertThat(run("broker", "clusters", "-n", namesrv, "--json")).isZero();
        JsonNode clusters = json();
        assertThat(clusters.get(0).get("name").asString()).isEqualTo("DefaultCluster");
        assertThat(clusters.get(0).get("brokerSets")).hasSize(2);
        assertThat(clusters.get(0)
                        .get("brokerSets")
                        .get(0)
                        .get("members")
                        .get(0)
                        .get("role")
                        .asString())
                .isEqualTo("MASTER");
        assertThat(run("broker", "clusters", "-n", namesrv)).isZero();
        assertThat(stdout()).contains("broker-a", "MASTER", "V5_2_0");
        assertThat(run("broker", "status", "-n", namesrv, "-b", cluster.brokerAddress("broker-a")))
                .isZero();
        assertThat(stdout()).contains("brokerVersionDesc = V5_2_0");

        assertThat(run("message", "id", "-n", namesrv, "-i", sent.offsetMessageId(), "--json"))
                .isZero();
        JsonNode byId = json().get(0);
        assertThat(byId.get("bodyText").asString()).isEqualTo("payload-1");
        assertThat(byId.get("msgId").asString()).isEqualTo(sent.messageId());

        assertThat(run("message", "id", "-n", namesrv, "-t", "CliMessages", "-i", sent.messageId()))
                .isZero();
        assertThat(stdout()).contains("body:           payload-1", "keys:           order-7");

        assertThat(run("message", "key", "-n", namesrv, "-t", "CliMessages", "-k", "order-7", "--json"))
                .isZero();
        assertThat(json().get(0).get("offsetMsgId").asString()).isEqualTo(sent.offsetMessageId());

        assertThat(run(
                        "message",
                        "offset",
                        "-n",
                        namesrv,
                        "-t",
                        "CliMessages",
                        "-b",
                        sent.queue().brokerName(),
                        "-q",
                        Integer.toString(sent.queue().queueId()),
                        "-o",
                        Long.toString(sent.queueOffset())))
                .isZero();
        assertThat(stdout()).contains("payload-1");
        assertThat(run(
                        "message",
                        "offset",
                        "-n",
                        namesrv,
                        "-t",
                        "CliMessages",
                        "-b",
                        sent.queue().brokerName(),
                        "-q",
                        Integer.toString(sent.queue().queueId()),
                        "-o",
                        "999"))
                .isEqualTo(1);
        assertThat(run("message", "time", "-n", namesrv, "-t", "CliMessages", "--begin", "0", "--json"))
                .isZero();
        assertThat(json()).hasSize(1);
    }

    @Test
    void groupProgressShowsTheLagAndResetByTimeMovesTheOffsets() {
        createTopic("CliLag");
        for (int i = 0; i < 4; i++) {
            send("CliLag", "m-" + i, null);
        }
        // a consumer commits the first four, then two more arrive: a lag of 2
        PushConsumer consumer = PushConsumer.create(
                runtime,
                ConsumerConfig.builder("cli-group")
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .persistOffsetIntervalMs(200)
                        .offsetStoreDir(offsets)
                        .build(),
                (message, context) -> ConsumeResult.SUCCESS);
        consumer.subscribe("CliLag", "*").start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(run("group", "progress", "-n", namesrv, "-g", "cli-group", "--json"))
                        .isZero();
                assertThat(json().get("queues")
                                .valueStream()
                                .mapToLong(q -> q.get("consumerOffset").asLong())
                                .sum())
                        .isEqualTo(4);
            });
            assertThat(run("group", "connections", "-n", namesrv, "-g", "cli-group", "--json"))
                    .isZero();
            assertThat(json().get("online").asBoolean()).isTrue();
        } finally {
            consumer.close();
        }
        send("CliLag", "late-1", null);
        send("CliLag", "late-2", null);

        assertThat(run("group", "progress", "-n", namesrv, "-g", "cli-group", "--json"))
                .isZero();
        assertThat(json().get("totalLag").asLong()).isEqualTo(2);
        assertThat(run("group", "progress", "-n", namesrv, "-g", "cli-group")).isZero();
        assertThat(stdout()).contains("LAG", "total lag: 2");

        assertThat(run("group", "reset", "-n", namesrv, "-g", "cli-group", "-t", "CliLag", "-s", "0", "--json"))
                .isZero();
        assertThat(json().valueStream().map(q -> q.get("offset").asLong())).containsOnly(0L);
        assertThat(run("group", "progress", "-n", namesrv, "-g", "cli-group", "--json"))
                .isZero();
        assertThat(json().get("totalLag").asLong()).isEqualTo(6);

        assertThat(run("group", "list", "-n", namesrv)).isZero();
        assertThat(stdout()).contains("cli-group");
        assertThat(run("group", "connections", "-n", namesrv, "-g", "cli-group"))
                .isZero();
        assertThat(stdout()).contains("no consumer of cli-group is online");
        assertThat(run("group", "delete", "-n", namesrv, "-g", "cli-group")).isZero();
        assertThat(run("group", "list", "-n", namesrv, "--json")).isZero();
        assertThat(json().valueStream().map(JsonNode::asString)).doesNotContain("cli-group");
    }

    @Test
    void pendingMessagesAreListedAndCancelledThroughTheNameServer() {
        createTopic("CliLater");
        SendResult later = producer.send(OutgoingMessage.builder("CliLater", "later".getBytes(StandardCharsets.UTF_8))
                .delayLevel(18)
                .build());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(run("message", "pending", "-n", namesrv, "-t", "CliLater", "--json"))
                    .isZero();
            assertThat(json()).hasSize(1);
        });
        assertThat(run("message", "cancel", "-n", namesrv, "-i", later.messageId()))
                .isZero();
        assertThat(stdout()).contains("cancelled " + later.messageId());
        assertThat(run("message", "cancel", "-n", namesrv, "-i", later.messageId()))
                .isEqualTo(1);
        assertThat(run("message", "dlq-list", "-n", namesrv, "-g", "cli-nobody", "--json"))
                .isZero();
        assertThat(json()).isEmpty();
    }

    @Test
    void usageErrorsNameTheOptionAndExitWithTwo() {
        assertThat(run("topic", "list", "-n", namesrv, "--colour")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("Unknown option: '--colour'");
        clear();
        assertThat(run("topic", "route", "-n", namesrv)).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("Missing required option: '--topic=<topic>'");
        clear();
        assertThat(run("group", "reset", "-n", namesrv, "-g", "g", "-t", "T", "-s", "soon"))
                .isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--timestamp", "'soon' is not a time");
        clear();
        assertThat(run("topic", "create", "-n", namesrv, "-t", "T")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--cluster", "--broker");
        clear();
        assertThat(run("topic", "list")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--namesrv");
        clear();
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("topic", "group", "broker", "message", "bench", "generate-completion");
    }

    @Test
    void helpOnEveryLevelAndTheCompletionScript() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Usage: mq-tools", "topic", "generate-completion");
        clear();
        assertThat(run("group", "--help")).isZero();
        assertThat(stdout()).contains("progress", "reset");
        clear();
        assertThat(run("broker", "config", "set", "--help")).isZero();
        assertThat(stdout()).contains("key=value");
        clear();
        assertThat(run("generate-completion")).isZero();
        assertThat(stdout()).contains("complete -F", "mq-tools");
    }

    @Test
    void aFailureNamesTheServerAndExitsWithOne() {
        assertThat(run("broker", "status", "-n", namesrv, "-b", "127.0.0.1:1", "--timeout", "2s"))
                .isEqualTo(1);
        assertThat(stderr()).contains("GET_BROKER_RUNTIME_INFO to 127.0.0.1:1 failed");
    }

    private void createTopic(String topic) {
        assertThat(run("topic", "create", "-n", namesrv, "-t", topic, "-c", "DefaultCluster", "-r", "2", "-w", "2"))
                .isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> run("topic", "route", "-n", namesrv, "-t", topic) == 0);
        clear();
    }

    private static SendResult send(String topic, String body, String key) {
        OutgoingMessage.Builder message = OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            message.keys(key);
        }
        return producer.send(message.build());
    }

    private int run(String... args) {
        out.reset();
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

    private JsonNode json() {
        return JSON.readTree(stdout());
    }
}
