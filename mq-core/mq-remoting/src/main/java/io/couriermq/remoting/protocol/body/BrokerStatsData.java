package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** VIEW_BROKER_STATS_DATA response: one statistic over the last minute, hour and day. */
@JsonPropertyOrder({"statsDay", "statsHour", "statsMinute"})
public record BrokerStatsData(BrokerStatsItem statsMinute, BrokerStatsItem statsHour, BrokerStatsItem statsDay) {}
