package io.couriermq.broker.processor;

import io.couriermq.broker.admin.BrokerRuntimeInfo;
import io.couriermq.broker.admin.PulledOffsets;
import io.couriermq.broker.admin.QueueLookup;
import io.couriermq.broker.admin.QueueStats;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.GroupList;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetTopicStatsInfoRequestHeader;
import io.couriermq.remoting.protocol.header.broker.QueryTopicConsumeByWhoRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * What admin tools ask a broker about its state: runtime figures (clusterList), a topic's offset ranges
 * (topicStatus), a group's progress and lag (consumerProgress), and which groups consume a topic.
 */
public final class BrokerStatsProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.GET_BROKER_RUNTIME_INFO,
            RequestCode.GET_TOPIC_STATS_INFO,
            RequestCode.GET_CONSUME_STATS,
            RequestCode.QUERY_TOPIC_CONSUME_BY_WHO);

    private final BrokerRuntimeInfo runtimeInfo;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final QueueStats queueStats;
    private final Function<String, Set<String>> onlineGroupsOfTopic;

    /**
     * @param onlineGroupsOfTopic the consumer groups with an online client subscribed to a topic
     * @param pulled where the pull path records how far each group pulled (the consume stats' pullOffset)
     * @param groupGetRate a group's pull rate on a topic over the last minute (the consume stats' TPS)
     */
    public BrokerStatsProcessor(
            BrokerConfig config,
            TopicConfigManager topics,
            ConsumerOffsetManager offsets,
            MessageStore store,
            BrokerRuntimeInfo runtimeInfo,
            Function<String, Set<String>> onlineGroupsOfTopic,
            PulledOffsets pulled,
            ToDoubleBiFunction<String, String> groupGetRate) {
        this.runtimeInfo = runtimeInfo;
        this.topics = topics;
        this.offsets = offsets;
        this.queueStats = new QueueStats(config.brokerName(), offsets, store, pulled, groupGetRate);
        this.onlineGroupsOfTopic = onlineGroupsOfTopic;
    }

    /** The per-queue figures GET_CONSUME_STATS answers with, for processors that report the same. */
    public QueueStats queueStats() {
        return queueStats;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case GET_BROKER_RUNTIME_INFO -> success(request, runtimeInfo.table());
            case GET_TOPIC_STATS_INFO -> topicStats(request);
            case GET_CONSUME_STATS -> consumeStats(request);
            case QUERY_TOPIC_CONSUME_BY_WHO -> consumersOf(request);
            default -> throw new IllegalArgumentException("not a broker stats request: " + request);
        };
    }

    private RemotingCommand topicStats(RemotingCommand request) {
        String topic =
                request.decodeHeader(GetTopicStatsInfoRequestHeader::decode).topic();
        return topics.find(topic)
                .map(config -> success(request, queueStats.topicStats(config)))
                .orElseGet(() -> QueueLookup.topicNotExist(request, topic));
    }

    /**
     * The group's progress on one topic, or without a topic on every topic it holds offsets for. Topics
     * this broker does not have are left out, so the table may be empty (admin then reports the group
     * as not consuming).
     */
    private RemotingCommand consumeStats(RemotingCommand request) {
        GetConsumeStatsRequestHeader header = request.decodeHeader(GetConsumeStatsRequestHeader::decode);
        Set<String> names = header.topic() == null || header.topic().isEmpty()
                ? offsets.topicsOf(header.consumerGroup())
                : Set.of(header.topic());
        List<TopicConfig> configs =
                names.stream().map(topics::find).flatMap(Optional::stream).toList();
        return success(request, queueStats.consumeStats(header.consumerGroup(), configs));
    }

    /** Groups subscribed with an online client, and groups that committed offsets on the topic. */
    private RemotingCommand consumersOf(RemotingCommand request) {
        String topic = request.decodeHeader(QueryTopicConsumeByWhoRequestHeader::decode)
                .topic();
        Set<String> groups = new TreeSet<>(offsets.groupsOf(topic));
        Set<String> online = onlineGroupsOfTopic.apply(topic);
        if (online != null) {
            groups.addAll(online);
        }
        return success(request, new GroupList(groups));
    }

    private static RemotingCommand success(RemotingCommand request, Object body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(body))
                .build();
    }
}
