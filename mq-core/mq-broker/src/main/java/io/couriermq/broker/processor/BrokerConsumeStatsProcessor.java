package io.couriermq.broker.processor;

import io.couriermq.broker.admin.QueueStats;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.ConsumeStatsList;
import io.couriermq.remoting.protocol.body.OffsetWrapper;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsInBrokerHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * GET_BROKER_CONSUME_STATS (mqadmin brokerConsumeStats): the GET_CONSUME_STATS figures of every group
 * with offsets on this broker, one ConsumeStats per topic, and the broker-wide lag. As 5.2.0, topics
 * this broker does not have are left out, {@code isOrder} keeps ordered topics only, and a group that is
 * online is reported only on the topics it subscribes to.
 */
public final class BrokerConsumeStatsProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.GET_BROKER_CONSUME_STATS);

    private final QueueStats queueStats;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final ConsumerGroupRegistry consumers;
    private final Supplier<String> brokerAddress;

    /** @param queueStats the figures GET_CONSUME_STATS answers with (share its instance) */
    public BrokerConsumeStatsProcessor(
            QueueStats queueStats,
            TopicConfigManager topics,
            ConsumerOffsetManager offsets,
            ConsumerGroupRegistry consumers,
            Supplier<String> brokerAddress) {
        this.queueStats = queueStats;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
        this.brokerAddress = brokerAddress;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        boolean orderedOnly =
                request.decodeHeader(GetConsumeStatsInBrokerHeader::decode).order();
        List<Map<String, List<ConsumeStats>>> perGroup = new ArrayList<>();
        long totalDiff = 0;
        long totalInflightDiff = 0;
        for (String group : offsets.groups()) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (TopicConfig topic : reportedTopics(group, orderedOnly)) {
                ConsumeStats stats = queueStats.consumeStats(group, List.of(topic));
                for (OffsetWrapper queue : stats.offsetTable().values()) {
                    totalDiff += queue.brokerOffset() - queue.consumerOffset();
                    totalInflightDiff += queue.pullOffset() - queue.consumerOffset();
                }
                perTopic.add(stats);
            }
            perGroup.add(Map.of(group, perTopic));
        }
        ConsumeStatsList list = new ConsumeStatsList(brokerAddress.get(), perGroup, totalDiff, totalInflightDiff);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(list))
                .build();
    }

    private List<TopicConfig> reportedTopics(String group, boolean orderedOnly) {
        boolean online = !consumers.members(group).isEmpty();
        return offsets.topicsOf(group).stream()
                .map(topics::find)
                .flatMap(Optional::stream)
                .filter(topic -> !orderedOnly || topic.order())
                .filter(topic -> !online
                        || consumers.subscription(group, topic.topicName()).isPresent())
                .toList();
    }
}
