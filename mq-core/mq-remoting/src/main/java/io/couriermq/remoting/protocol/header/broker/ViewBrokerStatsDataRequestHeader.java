package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * VIEW_BROKER_STATS_DATA header: one statistic by name (e.g. {@code TOPIC_PUT_NUMS}) and key (a topic, a
 * {@code topic@group}, or the cluster name). Both are required, as in RocketMQ.
 */
public record ViewBrokerStatsDataRequestHeader(String statsName, String statsKey) implements CommandHeader {

    public static ViewBrokerStatsDataRequestHeader decode(HeaderFields fields) {
        return new ViewBrokerStatsDataRequestHeader(
                fields.requireString("statsName"), fields.requireString("statsKey"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("statsName", statsName);
        extFields.put("statsKey", statsKey);
    }
}
