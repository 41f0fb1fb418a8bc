package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MessageQueue-keyed admin bodies in the Jackson-friendly form both clients accept (doc §3.0, §3.5). */
class ConsumeStatsTest {
    /** §3.5: the string-key form verified against clients 4.9.8 and 5.2.0. */
    private static final String CONSUME_STATS = "{\"consumeTps\":1.5,\"offsetTable\":{\"{\\\"brokerName\\\":"
            + "\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"TopicTest\\\"}\":{\"brokerOffset\":100,"
            + "\"consumerOffset\":90,\"lastTimestamp\":1700000000000,\"pullOffset\":95}}}";

    private static final MessageQueue QUEUE_0 = new MessageQueue("TopicTest", "broker-a", 0);

    @Test
    void weWriteTheVerifiedStringKeyForm() {
        ConsumeStats stats = new ConsumeStats(Map.of(QUEUE_0, new OffsetWrapper(100, 90, 95, 1_700_000_000_000L)), 1.5);

        assertThat(Json.write(stats)).isEqualTo(CONSUME_STATS);
    }

    @Test
    void itReadsBack() {
        ConsumeStats stats = Json.read(CONSUME_STATS, ConsumeStats.class);

        assertThat(stats.consumeTps()).isEqualTo(1.5);
        assertThat(stats.offsetTable())
                .containsExactly(Map.entry(QUEUE_0, new OffsetWrapper(100, 90, 95, 1_700_000_000_000L)));
    }

    @Test
    void queuesAreWrittenInTheClientsSortOrder() {
        Map<MessageQueue, OffsetWrapper> unsorted = new LinkedHashMap<>();
        unsorted.put(new MessageQueue("TopicTest", "broker-b", 0), new OffsetWrapper(1, 1, 1, 1));
        unsorted.put(new MessageQueue("TopicTest", "broker-a", 1), new OffsetWrapper(2, 2, 2, 2));
        unsorted.put(QUEUE_0, new OffsetWrapper(3, 3, 3, 3));

        ConsumeStats read = Json.read(Json.write(new ConsumeStats(unsorted, 0.0)), ConsumeStats.class);

        assertThat(read.offsetTable().keySet())
                .containsExactly(
                        QUEUE_0,
                        new MessageQueue("TopicTest", "broker-a", 1),
                        new MessageQueue("TopicTest", "broker-b", 0));
    }

    @Test
    void topicStatsUseTheSameKeys() {
        TopicStatsTable table = new TopicStatsTable(Map.of(QUEUE_0, new TopicOffset(0, 10, 1_700_000_000_000L)));

        String json = Json.write(table);

        assertThat(json)
                .isEqualTo("{\"offsetTable\":{\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,"
                        + "\\\"topic\\\":\\\"TopicTest\\\"}\":{\"lastUpdateTimestamp\":1700000000000,"
                        + "\"maxOffset\":10,\"minOffset\":0}}}");
        assertThat(Json.read(json, TopicStatsTable.class)).isEqualTo(table);
    }

    @Test
    void emptyTablesAreWrittenAsObjects() {
        assertThat(Json.write(new ConsumeStats(null, 0.0))).isEqualTo("{\"consumeTps\":0.0,\"offsetTable\":{}}");
        assertThat(Json.write(new TopicStatsTable(null))).isEqualTo("{\"offsetTable\":{}}");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        String withExtras = CONSUME_STATS
                .replace("\"pullOffset\":95", "\"pullOffset\":95,\"popOffset\":1")
                .replace("{\"consumeTps\"", "{\"totalDiff\":10,\"consumeTps\"");

        assertThat(Json.read(withExtras, ConsumeStats.class)).isEqualTo(Json.read(CONSUME_STATS, ConsumeStats.class));
    }
}
