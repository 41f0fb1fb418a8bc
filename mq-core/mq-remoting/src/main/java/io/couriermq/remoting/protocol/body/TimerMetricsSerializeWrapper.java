package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * GET_TIMER_METRICS response: timed messages waiting per topic, with the table's version. An official
 * slave replaces its own table with it every 10 s, so both properties must be present even when empty.
 */
@JsonPropertyOrder({"dataVersion", "timingCount"})
public record TimerMetricsSerializeWrapper(Map<String, Metric> timingCount, DataVersion dataVersion) {

    public TimerMetricsSerializeWrapper {
        timingCount = Copies.orderedMap(timingCount);
    }

    /** Waiting messages of one topic and when the count last changed. */
    @JsonPropertyOrder({"count", "timeStamp"})
    public record Metric(long count, long timeStamp) {}
}
