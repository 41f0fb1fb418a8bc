package io.couriermq.remoting.protocol.body;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.LanguageCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consumer-group admin bodies, with the field names of the 5.2.0 classes (ProducerTableInfo,
 * ProducerInfo, ConsumeStatsList, GetConsumerStatusBody) and the queue keys in the string form.
 */
class GroupOpsBodiesTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "broker-a", 1);
    private static final String Q0_KEY =
            "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\"";

    /** What fastjson 1.2.83 writes for a 5.2.0 client's GetConsumerStatusBody (captured). */
    static final String FASTJSON_CONSUMER_STATUS = "{\"consumerTable\":{},\"messageQueueTable\":"
            + "{{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:7,"
            + "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:5}}";

    @Test
    void producerTableInfoHasThe520FieldNames() {
        ProducerTableInfo table = new ProducerTableInfo(
                Map.of("pg", List.of(new ProducerInfo("cid", "/127.0.0.1:1234", LanguageCode.JAVA, 453, 99L))));

        String json = Json.write(table);

        assertThat(json)
                .isEqualTo("{\"data\":{\"pg\":[{\"clientId\":\"cid\",\"language\":\"JAVA\",\"lastUpdateTimestamp\":99,"
                        + "\"remoteIP\":\"/127.0.0.1:1234\",\"version\":453}]}}");
        assertThat(Json.read(json, ProducerTableInfo.class)).isEqualTo(table);
    }

    @Test
    void consumeStatsListHasThe520FieldNames() {
        ConsumeStats stats = new ConsumeStats(Map.of(Q0, new OffsetWrapper(10, 4, 6, 0)), 0.0);
        ConsumeStatsList list = new ConsumeStatsList("127.0.0.1:10911", List.of(Map.of("cg", List.of(stats))), 6, 2);

        String json = Json.write(list);

        assertThat(json)
                .isEqualTo("{\"brokerAddr\":\"127.0.0.1:10911\",\"consumeStatsList\":[{\"cg\":[{\"consumeTps\":0.0,"
                        + "\"offsetTable\":{" + Q0_KEY + ":{\"brokerOffset\":10,\"consumerOffset\":4,"
                        + "\"lastTimestamp\":0,\"pullOffset\":6}}}]}],\"totalDiff\":6,\"totalInflightDiff\":2}");
        assertThat(Json.read(json, ConsumeStatsList.class)).isEqualTo(list);
    }

    @Test
    void consumerStatusWritesTheStringKeyFormPerClient() {
        GetConsumerStatusBody body = new GetConsumerStatusBody(Map.of("cid", Map.of(Q0, 5L)), null);

        String json = Json.write(body);

        assertThat(json).isEqualTo("{\"consumerTable\":{\"cid\":{" + Q0_KEY + ":5}},\"messageQueueTable\":{}}");
        assertThat(Json.read(json, GetConsumerStatusBody.class)).isEqualTo(body);
    }

    @Test
    void anOfficialClientsConsumerStatusIsReadAfterItsObjectKeysAreRewritten() {
        byte[] standard = ObjectKeyJson.normalize(FASTJSON_CONSUMER_STATUS.getBytes(UTF_8));

        GetConsumerStatusBody body = RemotingJson.decode(standard, GetConsumerStatusBody.class);

        assertThat(body.messageQueueTable()).containsExactly(Map.entry(Q0, 5L), Map.entry(Q1, 7L));
        assertThat(body.consumerTable()).isEmpty();
    }

    @Test
    void standardJsonPassesTheRewriteUnchanged() {
        String json = "{\"consumerTable\":{\"cid\":{" + Q0_KEY + ":5}},\"a\":[{\"b\":\"{x}\"},1],\"c\":{}}";

        assertThat(new String(ObjectKeyJson.normalize(json.getBytes(UTF_8)), UTF_8))
                .isEqualTo(json);
    }

    @Test
    void objectKeysNestedInValuesAreRewrittenToo() {
        String fastjson = "{\"consumerTable\":{\"c1\":{{\"brokerName\":\"b}\",\"queueId\":0,\"topic\":\"T\"}:3}}}";

        String rewritten = new String(ObjectKeyJson.normalize(fastjson.getBytes(UTF_8)), UTF_8);

        assertThat(rewritten)
                .isEqualTo("{\"consumerTable\":{\"c1\":{\"{\\\"brokerName\\\":\\\"b}\\\",\\\"queueId\\\":0,"
                        + "\\\"topic\\\":\\\"T\\\"}\":3}}}");
        assertThat(RemotingJson.decode(rewritten.getBytes(UTF_8), GetConsumerStatusBody.class)
                        .consumerTable()
                        .get("c1"))
                .containsExactly(Map.entry(new MessageQueue("T", "b}", 0), 3L));
    }
}
