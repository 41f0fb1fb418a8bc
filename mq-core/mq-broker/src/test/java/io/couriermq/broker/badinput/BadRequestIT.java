package io.couriermq.broker.badinput;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The inputs a network fuzzer found answered with a logged stack trace get a clear error answer over
 * real sockets, through the dispatcher: the RocketMQ code (SYSTEM_ERROR as 5.2.0 answers them, or
 * TOPIC_NOT_EXIST for a route lookup) and a remark naming the field or the rule. No test leaves a
 * logged stack trace behind.
 */
class BadRequestIT {
    private static final String TOPIC = "BadInputTopic";
    private static final String LONG_TOPIC = "T".repeat(213);

    @TempDir
    static Path storeDir;

    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();

    private static NettyRemotingClient client;
    private static String brokerAddress;
    private static String nameServerAddress;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() {
        nameServerAddress = LocalCluster.address(cluster.startNameServer());
        Broker broker =
                cluster.startBroker(storeDir, LocalCluster.smallFiles(Map.of("namesrvAddr", nameServerAddress)));
        brokerAddress = LocalCluster.address(broker);
        client = cluster.client();
        RemotingCommand created = call(brokerAddress, createTopic(TOPIC));
        assertThat(created.code()).as(created.remark()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("io.couriermq")).addAppender(logged);
    }

    @AfterEach
    void noStackTraceWasLogged() {
        ((Logger) LoggerFactory.getLogger("io.couriermq")).detachAppender(logged);
        List<String> withTrace = logged.list.stream()
                .filter(event -> event.getThrowableProxy() != null)
                .map(event -> event.getFormattedMessage() + ": "
                        + event.getThrowableProxy().getClassName())
                .toList();
        assertThat(withTrace).as("log lines with a stack trace").isEmpty();
    }

    @Test
    void registerBrokerWithoutTopicConfigSerializeWrapperIsRefusedNamingIt() {
        RemotingCommand response = call(nameServerAddress, registerBroker("{\"filterServerList\":[]}"));

        assertError(response, ResponseCode.SYSTEM_ERROR, "'topicConfigSerializeWrapper'");
    }

    @Test
    void registerBrokerWithATopicConfigWithoutNameIsRefusedNamingIt() {
        String body = "{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1,\"timestamp\":1},"
                + "\"topicConfigTable\":{\"Nameless\":{\"readQueueNums\":4,\"writeQueueNums\":4,\"perm\":6}}}}";

        RemotingCommand response = call(nameServerAddress, registerBroker(body));

        assertError(response, ResponseCode.SYSTEM_ERROR, "'topicName'");
        assertThat(response.remark()).contains("Nameless");
        RemotingCommand route = call(nameServerAddress, routeOf("Nameless"));
        assertThat(route.code()).as("nothing registered").isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void registerTopicInNameServerWithAQueueDataWithoutBrokerNameIsRefusedNamingIt() {
        RemotingCommand response = call(
                nameServerAddress,
                RemotingCommand.request(RequestCode.REGISTER_TOPIC_IN_NAMESRV)
                        .extField("topic", "Brokerless")
                        .body("{\"queueDatas\":[{\"readQueueNums\":1,\"writeQueueNums\":1,\"perm\":6}]}"
                                .getBytes(UTF_8))
                        .build());

        assertError(response, ResponseCode.SYSTEM_ERROR, "'queueDatas[].brokerName'");
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestCode.class,
            names = {"LOCK_BATCH_MQ", "UNLOCK_BATCH_MQ"})
    void lockAndUnlockWithoutGroupOrClientIdAreRefusedNamingTheField(RequestCode code) {
        String queues = "\"mqSet\":[{\"topic\":\"" + TOPIC + "\",\"brokerName\":\"broker-a\",\"queueId\":0}]";

        RemotingCommand noGroup = call(
                brokerAddress,
                RemotingCommand.request(code)
                        .body(("{\"clientId\":\"c1\"," + queues + "}").getBytes(UTF_8))
                        .build());
        RemotingCommand noClient = call(
                brokerAddress,
                RemotingCommand.request(code)
                        .body(("{\"consumerGroup\":\"cg\"," + queues + "}").getBytes(UTF_8))
                        .build());

        assertError(noGroup, ResponseCode.SYSTEM_ERROR, "body has no 'consumerGroup'");
        assertError(noClient, ResponseCode.SYSTEM_ERROR, "body has no 'clientId'");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, Integer.MIN_VALUE})
    void pullWithAMaxMsgNumsBelowOneIsRefusedNamingIt(int maxMsgNums) {
        RemotingCommand response = call(brokerAddress, pull(TOPIC, maxMsgNums));

        assertError(response, ResponseCode.SYSTEM_ERROR, "'maxMsgNums' must be a positive int");
        assertThat(response.remark()).contains("'" + maxMsgNums + "'");
    }

    @Test
    void pullWithAHugeMaxMsgNumsIsServedWithinTheBrokersLimit() {
        RemotingCommand response = call(brokerAddress, pull(TOPIC, Integer.MAX_VALUE));

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad topic!",
                "a/b",
                "T128_______________________________________________________"
                        + "_____________________________________________________________________"
            })
    void sendToAnInvalidTopicIsRefusedAsRocketMqDoes(String topic) {
        RemotingCommand response = call(brokerAddress, send(topic));

        assertError(response, ResponseCode.SYSTEM_ERROR, "the topic name");
    }

    @Test
    void sendAndCreateWithA213CharacterTopicAreRefusedNamingTheLimit() {
        assertError(call(brokerAddress, send(LONG_TOPIC)), ResponseCode.SYSTEM_ERROR, "at most 127");
        assertError(call(brokerAddress, createTopic(LONG_TOPIC)), ResponseCode.SYSTEM_ERROR, "at most 127");
        assertError(call(brokerAddress, createTopic("bad:topic")), ResponseCode.SYSTEM_ERROR, "contains ':'");
    }

    @Test
    void routeLookupOfAnInvalidTopicIsTopicNotExistAsOnRocketMq() {
        assertError(call(nameServerAddress, routeOf(LONG_TOPIC)), ResponseCode.TOPIC_NOT_EXIST, "No topic route");
        assertError(call(nameServerAddress, routeOf("bad topic!")), ResponseCode.TOPIC_NOT_EXIST, "bad topic!");
    }

    @Test
    void aNegativeCommitOffsetAndAGroupTooLongForItsRetryTopicAreRefusedWithTheCheck() {
        RemotingCommand negative = call(
                brokerAddress,
                RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                        .extField("consumerGroup", "cg")
                        .extField("topic", TOPIC)
                        .extField("queueId", "0")
                        .extField("commitOffset", "-5")
                        .build());
        RemotingCommand longGroup = call(
                brokerAddress,
                RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK)
                        .extField("offset", "0")
                        .extField("group", "G".repeat(213))
                        .extField("delayLevel", "0")
                        .extField("originTopic", TOPIC)
                        .build());

        assertError(negative, ResponseCode.SYSTEM_ERROR, "must not be negative");
        assertThat(longGroup.code()).as(longGroup.remark()).isNotEqualTo(ResponseCode.SUCCESS.code());
        assertThat(longGroup.remark()).isNotBlank().doesNotContain("NullPointerException");
    }

    private static void assertError(RemotingCommand response, ResponseCode code, String remarkPart) {
        assertThat(response.code())
                .as("code of the answer %s", response.remark())
                .isEqualTo(code.code());
        assertThat(response.remark()).contains(remarkPart);
    }

    private static RemotingCommand call(String address, RemotingCommand request) {
        return client.invokeSync(address, request, 5_000);
    }

    private static RemotingCommand registerBroker(String body) {
        return RemotingCommand.request(RequestCode.REGISTER_BROKER)
                .extField("brokerName", "broker-fuzz")
                .extField("brokerAddr", "127.0.0.1:1")
                .extField("clusterName", "FuzzCluster")
                .extField("brokerId", "0")
                .body(body.getBytes(UTF_8))
                .build();
    }

    private static RemotingCommand routeOf(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .extField("topic", topic)
                .build();
    }

    private static RemotingCommand createTopic(String topic) {
        return RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .extField("topic", topic)
                .extField("defaultTopic", "TBW102")
                .extField("readQueueNums", "2")
                .extField("writeQueueNums", "2")
                .extField("perm", "6")
                .extField("topicFilterType", "SINGLE_TAG")
                .extField("order", "false")
                .build();
    }

    private static RemotingCommand pull(String topic, int maxMsgNums) {
        return RemotingCommand.request(RequestCode.PULL_MESSAGE)
                .extField("consumerGroup", "cg")
                .extField("topic", topic)
                .extField("queueId", "0")
                .extField("queueOffset", "0")
                .extField("maxMsgNums", Integer.toString(maxMsgNums))
                .extField("sysFlag", "4") // the subscription is in the request
                .extField("commitOffset", "0")
                .extField("suspendTimeoutMillis", "0")
                .extField("subscription", "*")
                .extField("subVersion", "0")
                .build();
    }

    private static RemotingCommand send(String topic) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE)
                .extField("producerGroup", "pg")
                .extField("topic", topic)
                .extField("defaultTopic", "TBW102")
                .extField("defaultTopicQueueNums", "4")
                .extField("queueId", "0")
                .extField("sysFlag", "0")
                .extField("bornTimestamp", Long.toString(System.currentTimeMillis()))
                .extField("flag", "0")
                .extField("reconsumeTimes", "0")
                .body("body".getBytes(UTF_8))
                .build();
    }
}
