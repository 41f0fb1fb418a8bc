package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * GET_BROKER_CONSUME_STATS response (mqadmin brokerConsumeStats): one entry per group, mapping the group
 * name to its {@link ConsumeStats} per topic; {@code totalDiff} sums broker minus consumer offsets,
 * {@code totalInflightDiff} pull minus consumer offsets, over every queue listed.
 */
@JsonPropertyOrder({"brokerAddr", "consumeStatsList", "totalDiff", "totalInflightDiff"})
public record ConsumeStatsList(
        String brokerAddr,
        List<Map<String, List<ConsumeStats>>> consumeStatsList,
        long totalDiff,
        long totalInflightDiff) {

    public ConsumeStatsList {
        consumeStatsList = Copies.list(consumeStatsList);
    }
}
