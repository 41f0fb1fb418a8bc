package io.couriermq.broker.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.filter.SqlFilterCache;
import io.couriermq.broker.filter.SubscriptionFilters;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.UnregisterClientRequestHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientManageProcessorTest {
    /** The HEART_BEAT body of client 5.2.0, verified (remoting-protocol.md §3.4). */
    static final String HEARTBEAT_520 = "{\"clientID\":\"10.0.0.9@12345#123456789\",\"consumerDataSet\":[{"
            + "\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\","
            + "\"groupName\":\"cg\",\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":["
            + "{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\","
            + "\"subVersion\":1795616801928,\"tagsSet\":[],\"topic\":\"%RETRY%cg\"},"
            + "{\"classFilterMode\":false,\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\","
            + "\"subString\":\"TagA || TagB\",\"subVersion\":1795616801920,\"tagsSet\":[\"TagA\",\"TagB\"],"
            + "\"topic\":\"TopicTest\"}],\"unitMode\":false}],\"heartbeatFingerprint\":0,"
            + "\"producerDataSet\":[{\"groupName\":\"pg\"}],\"withoutSub\":false}";

    /** The same heartbeat as client 4.9.8 sends it: no heartbeatFingerprint, no withoutSub. */
    static final String HEARTBEAT_498 =
            HEARTBEAT_520.replace(",\"heartbeatFingerprint\":0", "").replace(",\"withoutSub\":false", "");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final List<String> notified = new ArrayList<>();
    private final ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
    private final ConsumerGroupRegistry consumers =
            new ConsumerGroupRegistry(clock, (group, channels) -> notified.add(group + channels));
    private final FakeRemotingChannel channel = new FakeRemotingChannel("10.0.0.9:5555");
    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;

    @Test
    void theVerified520HeartbeatRegistersEverything() {
        ClientManageProcessor processor = processor(Map.of());

        RemotingCommand response = heartbeat(processor, HEARTBEAT_520, 453);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.version())
                .as("clients store it as the broker's version")
                .isEqualTo(453);
        assertThat(response.extFields()).as("no heartbeat-V2 advertisement").isEmpty();
        assertThat(consumers.consumerIds("cg")).containsExactly("10.0.0.9@12345#123456789");
        SubscriptionData subscription =
                consumers.subscription("cg", "TopicTest").orElseThrow();
        assertThat(subscription.tagsSet()).containsExactly("TagA", "TagB");
        assertThat(subscription.codeSet()).containsExactly(2598919, 2598920);
        assertThat(subscription.subVersion()).isEqualTo(1795616801920L);
        assertThat(consumers.subscription("cg", "%RETRY%cg")).isPresent();
        assertThat(producers.anyProducerChannel("pg")).contains(channel);
        assertThat(groups.find("cg")).as("auto-created").isPresent();
        assertThat(topics.find("%RETRY%cg").orElseThrow().readQueueNums()).isEqualTo(1);
        assertThat(notified).containsExactly("cg[10.0.0.9:5555]");
    }

    @Test
    void a498HeartbeatWithoutFingerprintOrExtFieldsIsAccepted() {
        ClientManageProcessor processor = processor(Map.of());

        RemotingCommand response = heartbeat(processor, HEARTBEAT_498, 409);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(consumers.subscription("cg", "TopicTest")).isPresent();
        ConsumerConnection connection = consumers.connection("cg").orElseThrow();
        assertThat(connection.connectionSet()).singleElement().satisfies(c -> {
            assertThat(c.version()).isEqualTo(409);
            assertThat(c.clientAddr()).isEqualTo("10.0.0.9:5555");
            assertThat(c.language()).isEqualTo(LanguageCode.JAVA);
        });
    }

    @Test
    void aRepeatedHeartbeatChangesNothing() {
        ClientManageProcessor processor = processor(Map.of());
        heartbeat(processor, HEARTBEAT_520, 453);
        long topicVersion = topics.dataVersion().counter();
        long groupVersion = groups.dataVersion().counter();
        notified.clear();

        clock.advanceMillis(30_000);
        heartbeat(processor, HEARTBEAT_520, 453);

        assertThat(notified).isEmpty();
        assertThat(topics.dataVersion().counter()).isEqualTo(topicVersion);
        assertThat(groups.dataVersion().counter()).isEqualTo(groupVersion);
    }

    @Test
    void broadcastingGroupsGetNoRetryTopic() {
        ClientManageProcessor processor = processor(Map.of());

        heartbeat(processor, HEARTBEAT_520.replace("CLUSTERING", "BROADCASTING"), 453);

        assertThat(groups.find("cg")).isPresent();
        assertThat(topics.find("%RETRY%cg")).isEmpty();
        assertThat(consumers.consumerIds("cg")).hasSize(1);
    }

    @Test
    void withoutAutoCreationAnUnknownGroupIsRegisteredButGetsNoConfigOrRetryTopic() {
        ClientManageProcessor processor = processor(Map.of("autoCreateSubscriptionGroup", "false"));

        heartbeat(processor, HEARTBEAT_520, 453);

        assertThat(groups.find("cg")).isEmpty();
        assertThat(topics.find("%RETRY%cg")).isEmpty();
        assertThat(consumers.consumerIds("cg")).hasSize(1);
    }

    @Test
    void aHeartbeatWithoutClientIdIsRefusedWithTheReason() {
        ClientManageProcessor processor = processor(Map.of());

        assertThatThrownBy(() -> heartbeat(processor, "{\"consumerDataSet\":[],\"producerDataSet\":[]}", 453))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("clientID");
    }

    @Test
    void aHeartbeatThatOutlivedItsConnectionLeavesNoGhost() {
        ClientManageProcessor processor = processor(Map.of());
        channel.close();

        RemotingCommand response = heartbeat(processor, HEARTBEAT_520, 453);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(consumers.consumerIds("cg")).isEmpty();
        assertThat(producers.anyProducerChannel("pg")).isEmpty();
        assertThat(producers.groups()).isEmpty();
    }

    @Test
    void aProducerGroupWithoutNameIsRefusedWithTheReason() {
        ClientManageProcessor processor = processor(Map.of());

        assertThatThrownBy(() -> heartbeat(processor, "{\"clientID\":\"c\",\"producerDataSet\":[{}]}", 453))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("groupName");
    }

    @Test
    void unregisterRemovesTheClientFromTheNamedGroups() {
        ClientManageProcessor processor = processor(Map.of());
        heartbeat(processor, HEARTBEAT_520, 453);
        notified.clear();

        RemotingCommand unregisterConsumer = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT)
                .header(new UnregisterClientRequestHeader("10.0.0.9@12345#123456789", null, "cg"))
                .build();
        RemotingCommand unregisterProducer = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT)
                .header(new UnregisterClientRequestHeader("10.0.0.9@12345#123456789", "pg", null))
                .build();

        assertThat(processor
                        .process(new FakeRequestContext(channel), unregisterConsumer)
                        .code())
                .isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(consumers.consumerIds("cg")).isEmpty();
        assertThat(producers.anyProducerChannel("pg")).as("still a producer").isPresent();
        processor.process(new FakeRequestContext(channel), unregisterProducer);
        assertThat(producers.anyProducerChannel("pg")).isEmpty();
        assertThat(notified).as("nobody left to notify").isEmpty();
    }

    @Test
    void checkClientConfigRefusesSql92WhenThePropertyFilterIsDisabledAsTheOfficialBrokerDoes() {
        ClientManageProcessor processor = processor(Map.of());

        assertThat(checkClientConfig(processor, "TAG", "*").code()).isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand refused = checkClientConfig(processor, "SQL92", "a > 1");
        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(refused.remark()).contains("SQL92").contains("enablePropertyFilter");
    }

    @Test
    void checkClientConfigCompilesSql92AndNamesThePositionOfAnError() {
        ClientManageProcessor processor = processor(Map.of("enablePropertyFilter", "true"));

        assertThat(checkClientConfig(processor, "SQL92", "a between 0 and 3").code())
                .isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand refused = checkClientConfig(processor, "SQL92", "(a > 1");
        assertThat(refused.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code());
        assertThat(refused.remark())
                .contains("expected ')' at position 7")
                .contains("cg")
                .contains("TopicTest");
        RemotingCommand unknownType = checkClientConfig(processor, "GROOVY", "a > 1");
        assertThat(unknownType.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code());
        assertThat(unknownType.remark()).contains("GROOVY").contains("cg").contains("TopicTest");
    }

    @Test
    void aHeartbeatWithAnInvalidSql92ExpressionIsRefusedAndThatGroupNotRegistered() {
        ClientManageProcessor processor = processor(Map.of("enablePropertyFilter", "true"));
        String invalid = HEARTBEAT_520.replace(
                "\"expressionType\":\"TAG\",\"subString\":\"TagA || TagB\"",
                "\"expressionType\":\"SQL92\",\"subString\":\"a >> 3\"");

        RemotingCommand response = heartbeat(processor, invalid, 453);

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code());
        assertThat(response.remark()).contains("cg").contains("TopicTest").contains("at position 4");
        assertThat(consumers.consumerIds("cg")).isEmpty();
        assertThat(producers.anyProducerChannel("pg"))
                .as("the rest of the heartbeat counts")
                .contains(channel);
        String valid = invalid.replace("a >> 3", "a > 3");
        assertThat(heartbeat(processor, valid, 453).code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(consumers.subscription("cg", "TopicTest").orElseThrow().subString())
                .isEqualTo("a > 3");
    }

    @Test
    void itHandlesExactlyItsCodes() {
        assertThat(ClientManageProcessor.CODES)
                .containsExactly(
                        RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG);
    }

    private RemotingCommand heartbeat(ClientManageProcessor processor, String body, int version) {
        RemotingCommand request = RemotingCommand.request(RequestCode.HEART_BEAT)
                .version(version)
                .body(body.getBytes(UTF_8))
                .build();
        return processor.process(new FakeRequestContext(channel), request);
    }

    private RemotingCommand checkClientConfig(ClientManageProcessor processor, String type, String expression) {
        String body = "{\"clientId\":\"cid\",\"group\":\"cg\",\"subscriptionData\":{\"classFilterMode\":false,"
                + "\"codeSet\":[],\"expressionType\":\"" + type + "\",\"subString\":\"" + expression
                + "\",\"subVersion\":1,"
                + "\"tagsSet\":[],\"topic\":\"TopicTest\"}}";
        RemotingCommand request = RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG)
                .body(body.getBytes(UTF_8))
                .build();
        return processor.process(new FakeRequestContext(channel), request);
    }

    private ClientManageProcessor processor(Map<String, String> settings) {
        BrokerConfig config = BrokerSettingsLoader.load(settings, Path.of("unused"), "127.0.0.1")
                .broker();
        topics = new TopicConfigManager(config, dir, clock);
        groups = new SubscriptionGroupManager(config, dir, clock);
        return new ClientManageProcessor(
                producers,
                consumers,
                groups,
                topics,
                new SubscriptionFilters(config.enablePropertyFilter(), new SqlFilterCache(100)));
    }
}
