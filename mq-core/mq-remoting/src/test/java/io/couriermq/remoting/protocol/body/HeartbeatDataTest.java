package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommandException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HEART_BEAT bodies exactly as clients 5.2.0 and 4.9.8 write them (doc §3.4). */
class HeartbeatDataTest {
    private static final String CONSUMER = "{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
            + "\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"cg\",\"messageModel\":\"CLUSTERING\","
            + "\"subscriptionDataSet\":[{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\","
            + "\"subString\":\"*\",\"subVersion\":1795616801928,\"tagsSet\":[],\"topic\":\"%RETRY%cg\"},"
            + "{\"classFilterMode\":false,\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\","
            + "\"subString\":\"TagA || TagB\",\"subVersion\":1795616801920,\"tagsSet\":[\"TagA\",\"TagB\"],"
            + "\"topic\":\"TopicTest\"}],\"unitMode\":false}";

    /** Verified 5.2.0 body. */
    static final String V5_BODY = "{\"clientID\":\"10.0.0.9@12345#123456789\",\"consumerDataSet\":[" + CONSUMER
            + "],\"heartbeatFingerprint\":0,\"producerDataSet\":[{\"groupName\":\"pg\"}],\"withoutSub\":false}";

    /** 4.9.8 writes the same minus the heartbeat-V2 fields. */
    private static final String V4_BODY = "{\"clientID\":\"10.0.0.9@12345#123456789\",\"consumerDataSet\":[" + CONSUMER
            + "],\"producerDataSet\":[{\"groupName\":\"pg\"}]}";

    static HeartbeatData expected() {
        SubscriptionData retry = new SubscriptionData(
                "%RETRY%cg", "*", Set.of(), Set.of(), 1_795_616_801_928L, ExpressionType.TAG, false);
        SubscriptionData tags = new SubscriptionData(
                "TopicTest",
                "TagA || TagB",
                orderedSet("TagA", "TagB"),
                orderedSet("TagA".hashCode(), "TagB".hashCode()),
                1_795_616_801_920L,
                ExpressionType.TAG,
                false);
        ConsumerData consumer = new ConsumerData(
                "cg",
                ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                orderedSet(retry, tags),
                false);
        return new HeartbeatData(
                "10.0.0.9@12345#123456789", Set.of(new ProducerData("pg")), Set.of(consumer), 0, false);
    }

    @SafeVarargs
    private static <T> Set<T> orderedSet(T... elements) {
        return new java.util.LinkedHashSet<>(List.of(elements));
    }

    @Test
    void the520BodyParsesExactly() {
        assertThat(Json.read(V5_BODY, HeartbeatData.class)).isEqualTo(expected());
    }

    @Test
    void weWriteItBackByteForByte() {
        assertThat(Json.write(expected())).isEqualTo(V5_BODY);
    }

    @Test
    void a498BodyWithoutHeartbeatV2FieldsParses() {
        HeartbeatData heartbeat = Json.read(V4_BODY, HeartbeatData.class);

        assertThat(heartbeat).isEqualTo(expected());
        assertThat(heartbeat.heartbeatFingerprint()).isZero();
        assertThat(heartbeat.withoutSub()).isFalse();
    }

    @Test
    void tagsAndTheirHashesKeepTheClientsOrder() {
        SubscriptionData tags = List.copyOf(Json.read(V5_BODY, HeartbeatData.class)
                        .consumerDataSet()
                        .iterator()
                        .next()
                        .subscriptionDataSet())
                .get(1);

        assertThat(tags.tagsSet()).containsExactly("TagA", "TagB");
        assertThat(tags.codeSet()).containsExactly(2598919, 2598920);
        assertThat(tags.matchesAll()).isFalse();
    }

    @Test
    void unknownPropertiesAreIgnoredAtEveryLevel() {
        String withExtras = V5_BODY.replace("{\"clientID\"", "{\"future\":{\"x\":[1,2]},\"clientID\"")
                .replace("\"unitMode\":false}", "\"unitMode\":false,\"popShareQueueNum\":3}")
                .replace("\"topic\":\"TopicTest\"}", "\"topic\":\"TopicTest\",\"filterClassSource\":null}");

        assertThat(Json.read(withExtras, HeartbeatData.class)).isEqualTo(expected());
    }

    @Test
    void absentSetsBecomeEmptyAndAreWrittenAsArrays() {
        HeartbeatData bare = Json.read("{\"clientID\":\"cid\",\"consumerDataSet\":null}", HeartbeatData.class);

        assertThat(bare.producerDataSet()).isEmpty();
        assertThat(bare.consumerDataSet()).isEmpty();
        assertThat(Json.write(bare))
                .isEqualTo("{\"clientID\":\"cid\",\"consumerDataSet\":[],\"heartbeatFingerprint\":0,"
                        + "\"producerDataSet\":[],\"withoutSub\":false}");
    }

    @Test
    void aSubscriptionWithoutExpressionTypeIsTag() {
        SubscriptionData data = Json.read("{\"topic\":\"T\",\"subString\":\"*\"}", SubscriptionData.class);

        assertThat(data.expressionType()).isEqualTo(ExpressionType.TAG);
        assertThat(data.tagsSet()).isEmpty();
        assertThat(data.matchesAll()).isTrue();
    }

    @Test
    void anUnknownEnumNameIsABadBody() {
        String body = V5_BODY.replace("CONSUME_PASSIVELY", "CONSUME_TELEPATHICALLY");

        assertThatThrownBy(() -> Json.read(body, HeartbeatData.class))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("HeartbeatData");
    }
}
