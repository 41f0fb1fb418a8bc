package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.LanguageCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET_CONSUMER_CONNECTION_LIST / GET_PRODUCER_CONNECTION_LIST bodies (doc §3.9). */
class ConsumerConnectionTest {
    private static final String SUBSCRIPTION = "{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\","
            + "\"subString\":\"*\",\"subVersion\":1700000000000,\"tagsSet\":[],\"topic\":\"TopicTest\"}";
    private static final String CONNECTION =
            "{\"clientAddr\":\"10.0.0.9:5555\",\"clientId\":\"cid\",\"language\":\"JAVA\",\"version\":453}";
    /** §3.9's verified example, with the elided SubscriptionData filled in. */
    private static final String EXAMPLE = "{\"connectionSet\":[" + CONNECTION + "],"
            + "\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\","
            + "\"messageModel\":\"CLUSTERING\",\"subscriptionTable\":{\"TopicTest\":" + SUBSCRIPTION + "}}";

    private static final Connection CID = new Connection("cid", "10.0.0.9:5555", LanguageCode.JAVA, 453);

    @Test
    void theVerifiedExampleParses() {
        ConsumerConnection connection = Json.read(EXAMPLE, ConsumerConnection.class);

        assertThat(connection)
                .isEqualTo(new ConsumerConnection(
                        Set.of(CID),
                        Map.of(
                                "TopicTest",
                                new SubscriptionData(
                                        "TopicTest", "*", Set.of(), Set.of(), 1_700_000_000_000L, "TAG", false)),
                        ConsumeType.CONSUME_PASSIVELY,
                        MessageModel.CLUSTERING,
                        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET));
    }

    @Test
    void weWriteItBackExactly() {
        assertThat(Json.write(Json.read(EXAMPLE, ConsumerConnection.class))).isEqualTo(EXAMPLE);
    }

    @Test
    void aGroupWithNoConnectionsIsWrittenWithAnEmptySet() {
        String json = Json.write(new ConsumerConnection(null, null, null, null, null));

        assertThat(json).isEqualTo("{\"connectionSet\":[],\"subscriptionTable\":{}}");
    }

    @Test
    void producerConnectionsHaveTheSameConnectionShape() {
        ProducerConnection producers = new ProducerConnection(Set.of(CID));

        assertThat(Json.write(producers)).isEqualTo("{\"connectionSet\":[" + CONNECTION + "]}");
        assertThat(Json.read(Json.write(producers), ProducerConnection.class)).isEqualTo(producers);
    }
}
