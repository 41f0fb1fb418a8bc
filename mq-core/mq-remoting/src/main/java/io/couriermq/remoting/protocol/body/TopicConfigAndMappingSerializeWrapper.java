package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * GET_ALL_TOPIC_CONFIG response as a 5.x broker writes it: the topic table and its version, plus the
 * static-topic mapping tables and their version. CourierMQ has no static topics, so the mapping tables
 * are empty and their version never changes: an official slave then copies them once instead of every
 * round (its decoder defaults a missing version to "now", which always differs).
 */
@JsonPropertyOrder({
    "dataVersion",
    "mappingDataVersion",
    "topicConfigTable",
    "topicQueueMappingDetailMap",
    "topicQueueMappingInfoMap"
})
public record TopicConfigAndMappingSerializeWrapper(
        Map<String, TopicConfig> topicConfigTable,
        DataVersion dataVersion,
        Map<String, Object> topicQueueMappingInfoMap,
        Map<String, Object> topicQueueMappingDetailMap,
        DataVersion mappingDataVersion) {

    /** The version of our always-empty mapping tables. */
    public static final DataVersion NO_MAPPING_VERSION = new DataVersion(0, 0, 0);

    public TopicConfigAndMappingSerializeWrapper {
        topicConfigTable = Copies.orderedMap(topicConfigTable);
        topicQueueMappingInfoMap = Copies.orderedMap(topicQueueMappingInfoMap);
        topicQueueMappingDetailMap = Copies.orderedMap(topicQueueMappingDetailMap);
    }

    /** A topic table without static topics. */
    public static TopicConfigAndMappingSerializeWrapper withoutMappings(TopicConfigSerializeWrapper topics) {
        return new TopicConfigAndMappingSerializeWrapper(
                topics.topicConfigTable(), topics.dataVersion(), Map.of(), Map.of(), NO_MAPPING_VERSION);
    }
}
