package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET_ALL_CONSUMER_OFFSET response: every committed offset, keyed {@code "topic@group"} then by queue id,
 * with the table's version. A slave copies it from its master; an official master also sends fields we
 * do not use (they are ignored on reading).
 */
@JsonPropertyOrder({"dataVersion", "offsetTable"})
public record ConsumerOffsetSerializeWrapper(Map<String, Map<Integer, Long>> offsetTable, DataVersion dataVersion) {

    /** Separates topic and group in {@code offsetTable} keys, as on RocketMQ. */
    public static final String KEY_SEPARATOR = "@";

    public ConsumerOffsetSerializeWrapper {
        Map<String, Map<Integer, Long>> copy = new LinkedHashMap<>();
        if (offsetTable != null) {
            offsetTable.forEach((key, queues) -> copy.put(key, Copies.orderedMap(queues)));
        }
        offsetTable = Collections.unmodifiableMap(copy);
    }

    public static String key(String topic, String group) {
        return topic + KEY_SEPARATOR + group;
    }
}
