package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** GET_TOPIC_STATS_INFO response: the offset range of every queue of a topic on this broker. */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) {

    public TopicStatsTable {
        offsetTable = Copies.queueTable(offsetTable);
    }
}
