package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bodies of the broker's callbacks to clients (307, 309, 220, 221) and fastjson's object keys. */
class ClientCallbackBodiesTest {
    private static final MessageQueue QUEUE_0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue QUEUE_1 = new MessageQueue("TopicTest", "broker-a", 1);

    /** What an official 5.2.0 broker sends with RESET_CONSUMER_CLIENT_OFFSET: fastjson's raw object keys. */
    private static final String FASTJSON_RESET = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,"
            + "\"topic\":\"TopicTest\"}:5,{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"TopicTest\"}:7}}";

    @Test
    void objectKeysBecomeStringKeys() {
        assertThat(ObjectKeyJson.normalize("{\"t\":{{\"a\":\"x\\\"y\",\"b\":[1,{\"c\":2}]}:{\"v\":[{\"w\":1}]}}}"))
                .isEqualTo(
                        "{\"t\":{\"{\\\"a\\\":\\\"x\\\\\\\"y\\\",\\\"b\\\":[1,{\\\"c\\\":2}]}\":{\"v\":[{\"w\":1}]}}}");
    }

    @Test
    void textWithoutObjectKeysIsLeftAlone() {
        String plain = "{\"a\":{\"b\":[{\"c\":1},{\"d\":\"{x}\"}]},\"e\":\"{\\\"f\\\":1}\"}";

        assertThat(ObjectKeyJson.normalize(plain)).isEqualTo(plain);
    }

    @Test
    void resetOffsetBodyOfAnOfficialBrokerIsRead() {
        ResetOffsetBody body = RemotingJson.decodeWithObjectKeys(
                FASTJSON_RESET.getBytes(StandardCharsets.UTF_8), ResetOffsetBody.class);

        assertThat(body.offsetTable()).containsExactly(Map.entry(QUEUE_0, 5L), Map.entry(QUEUE_1, 7L));
    }

    @Test
    void resetOffsetBodyInOurStringKeyFormIsReadToo() {
        ResetOffsetBody ours = new ResetOffsetBody(Map.of(QUEUE_0, 5L, QUEUE_1, 7L));

        assertThat(RemotingJson.decodeWithObjectKeys(RemotingJson.encode(ours), ResetOffsetBody.class))
                .isEqualTo(ours);
    }

    @Test
    void runningInfoIsWrittenWithTheOfficialNamesAndStringKeys() {
        ConsumerRunningInfo info = new ConsumerRunningInfo(
                Map.of(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY"),
                Set.of(new SubscriptionData("TopicTest", "*", Set.of(), Set.of(), 1, "TAG", false)),
                Map.of(QUEUE_0, new ProcessQueueInfo(4, 4, 5, 2, 0, 0, 0, 0, true, 0, 10, false, 11, 12)),
                Map.of("TopicTest", new ConsumeStatus(1.5, 2.0, 3.0, 4.0, 0.0, 0)),
                null);

        String json = Json.write(info);

        assertThat(json)
                .isEqualTo("{\"mqTable\":{\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":"
                        + "\\\"TopicTest\\\"}\":{\"cachedMsgCount\":2,\"cachedMsgMaxOffset\":5,\"cachedMsgMinOffset\":4,"
                        + "\"cachedMsgSizeInMiB\":0,\"commitOffset\":4,\"droped\":false,\"lastConsumeTimestamp\":12,"
                        + "\"lastLockTimestamp\":10,\"lastPullTimestamp\":11,\"locked\":true,\"transactionMsgCount\":0,"
                        + "\"transactionMsgMaxOffset\":0,\"transactionMsgMinOffset\":0,\"tryUnlockTimes\":0}},"
                        + "\"properties\":{\"PROP_CONSUME_TYPE\":\"CONSUME_PASSIVELY\"},\"statusTable\":{\"TopicTest\":"
                        + "{\"consumeFailedMsgs\":0,\"consumeFailedTPS\":0.0,\"consumeOKTPS\":4.0,\"consumeRT\":3.0,"
                        + "\"pullRT\":1.5,\"pullTPS\":2.0}},\"subscriptionSet\":[{\"classFilterMode\":false,"
                        + "\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\",\"subVersion\":1,"
                        + "\"tagsSet\":[],\"topic\":\"TopicTest\"}]}");
        assertThat(Json.read(json, ConsumerRunningInfo.class)).isEqualTo(info);
    }

    @Test
    void directConsumeResultAndConsumerStatusRoundTrip() {
        ConsumeMessageDirectlyResult result =
                new ConsumeMessageDirectlyResult(false, true, CMResult.CR_SUCCESS, null, 3);
        GetConsumerStatusBody status =
                new GetConsumerStatusBody(Map.of("c1", Map.of(QUEUE_1, 2L)), Map.of(QUEUE_0, 5L));

        assertThat(Json.write(result))
                .isEqualTo(
                        "{\"autoCommit\":true,\"consumeResult\":\"CR_SUCCESS\",\"order\":false,\"spentTimeMills\":3}");
        assertThat(Json.read(Json.write(result), ConsumeMessageDirectlyResult.class))
                .isEqualTo(result);
        assertThat(Json.read(Json.write(status), GetConsumerStatusBody.class)).isEqualTo(status);
    }

    @Test
    void consumerStatusOfAnOfficialClientIsRead() {
        String fastjson =
                "{\"messageQueueTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}:9}}";

        GetConsumerStatusBody body = RemotingJson.decodeWithObjectKeys(
                fastjson.getBytes(StandardCharsets.UTF_8), GetConsumerStatusBody.class);

        assertThat(body.messageQueueTable()).containsExactly(Map.entry(QUEUE_0, 9L));
        assertThat(body.consumerTable()).isEmpty();
    }
}
