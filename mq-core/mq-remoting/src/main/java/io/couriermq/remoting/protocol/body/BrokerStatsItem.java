package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One statistic over one window: the sum of its values, that sum per second, and the average value per
 * recorded event ({@code avgpt}, e.g. messages per put; 0 when the statistic counts no events).
 */
@JsonPropertyOrder({"avgpt", "sum", "tps"})
public record BrokerStatsItem(long sum, double tps, double avgpt) {

    public static final BrokerStatsItem ZERO = new BrokerStatsItem(0, 0.0, 0.0);
}
