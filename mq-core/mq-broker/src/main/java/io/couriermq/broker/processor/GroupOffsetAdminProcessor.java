package io.couriermq.broker.processor;

import io.couriermq.broker.admin.OffsetResetPlanner;
import io.couriermq.broker.admin.QueueLookup;
import io.couriermq.broker.client.ClientChannelInfo;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.ResetOffsetBody;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.CloneGroupOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin writes of a group's committed offsets: reset by time (INVOKE_BROKER_TO_RESET_OFFSET, mqadmin
 * resetOffsetByTime and skipAccumulatedMessage) and CLONE_GROUP_OFFSET. Both are recorded as admin
 * resets, so a slave's hand-back of an older commit cannot undo them.
 *
 * <p>A reset commits the new offsets here, then tells every online member of the group with a oneway
 * RESET_CONSUMER_CLIENT_OFFSET (header topic, group, timestamp, isForce; ResetOffsetBody), and answers
 * SUCCESS with the same ResetOffsetBody <em>whether or not a consumer is online</em>, as 5.2.0 does with
 * its default {@code useServerSideResetOffset=true}. It never answers CONSUMER_NOT_ONLINE: mqadmin would
 * then fall back to writing the offsets itself with plain UPDATE_CONSUMER_OFFSET commits, which a
 * slave's hand-back may undo; with SUCCESS the command prints the broker's table in both cases. Refusals
 * as 5.2.0: TOPIC_NOT_EXIST, SUBSCRIPTION_GROUP_NOT_EXIST (a group with neither config, offsets nor
 * members here), SYSTEM_ERROR for an explicit offset outside the queue.
 */
public final class GroupOffsetAdminProcessor implements RequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(GroupOffsetAdminProcessor.class);

    public static final List<RequestCode> CODES =
            List.of(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, RequestCode.CLONE_GROUP_OFFSET);

    private final String brokerName;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;
    private final ConsumerGroupRegistry consumers;
    private final OffsetResetPlanner planner;

    public GroupOffsetAdminProcessor(
            String brokerName,
            TopicConfigManager topics,
            SubscriptionGroupManager groups,
            ConsumerOffsetManager offsets,
            ConsumerGroupRegistry consumers,
            OffsetResetPlanner planner) {
        this.brokerName = brokerName;
        this.topics = topics;
        this.groups = groups;
        this.offsets = offsets;
        this.consumers = consumers;
        this.planner = planner;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case INVOKE_BROKER_TO_RESET_OFFSET -> reset(request);
            case CLONE_GROUP_OFFSET -> cloneOffsets(request);
            default -> throw new IllegalArgumentException("not a group offset request: " + request);
        };
    }

    private RemotingCommand reset(RemotingCommand request) {
        ResetOffsetRequestHeader header = request.decodeHeader(ResetOffsetRequestHeader::decode);
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            return QueueLookup.topicNotExist(request, header.topic());
        }
        if (!groupKnown(header.group())) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST)
                    .remark("Group " + header.group() + " does not exist")
                    .build();
        }
        OffsetResetPlanner.Plan plan = planner.plan(
                header.group(), topic.get(), header.queueId(), header.offset(), header.timestamp(), header.force());
        if (plan.refusal() != null) {
            return QueueLookup.systemError(request, plan.refusal());
        }
        offsets.resetAll(header.group(), header.topic(), plan.offsets());
        Map<MessageQueue, Long> table = new HashMap<>();
        plan.offsets()
                .forEach((queueId, offset) -> table.put(new MessageQueue(header.topic(), brokerName, queueId), offset));
        byte[] body = RemotingJson.encode(new ResetOffsetBody(table));
        int told = tellConsumers(header, body);
        log.info(
                "reset offsets of group {} on topic {} to timestamp {} (force {}): {}; {} consumer(s) told",
                header.group(),
                header.topic(),
                header.timestamp(),
                header.force(),
                plan.offsets(),
                told);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(body)
                .build();
    }

    private boolean groupKnown(String group) {
        return groups.find(group).isPresent()
                || !offsets.topicsOf(group).isEmpty()
                || !consumers.members(group).isEmpty();
    }

    /** RESET_CONSUMER_CLIENT_OFFSET, oneway, to each live member; returns how many were sent. */
    private int tellConsumers(ResetOffsetRequestHeader reset, byte[] body) {
        ResetOffsetRequestHeader header = new ResetOffsetRequestHeader(
                reset.topic(),
                reset.group(),
                ResetOffsetRequestHeader.ALL_QUEUES,
                null,
                reset.timestamp(),
                reset.force());
        int told = 0;
        for (ClientChannelInfo member : consumers.members(reset.group())) {
            RemotingChannel channel = member.identity().channel();
            if (!channel.isActive()) {
                continue;
            }
            RemotingCommand notice = RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET)
                    .header(header)
                    .body(body)
                    .build();
            String clientId = member.identity().clientId();
            channel.invokeOneway(notice).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    log.warn(
                            "telling consumer {} of group {} about a reset failed: {}",
                            clientId,
                            reset.group(),
                            failure.toString());
                }
            });
            told++;
        }
        return told;
    }

    /**
     * Copies srcGroup's offsets to destGroup on the topic, or on every topic srcGroup has offsets for when
     * none is named. Topics this broker does not have are skipped, and unless the request says offline,
     * topics an online srcGroup does not subscribe to. Always SUCCESS, as 5.2.0.
     */
    private RemotingCommand cloneOffsets(RemotingCommand request) {
        CloneGroupOffsetRequestHeader header = request.decodeHeader(CloneGroupOffsetRequestHeader::decode);
        Set<String> names = header.topic() == null || header.topic().isBlank()
                ? offsets.topicsOf(header.srcGroup())
                : Set.of(header.topic());
        boolean srcOnline = !consumers.members(header.srcGroup()).isEmpty();
        for (String topic : names) {
            if (topics.find(topic).isEmpty()) {
                log.warn("clone of group {} offsets: topic {} does not exist here; skipped", header.srcGroup(), topic);
                continue;
            }
            if (!header.offline()
                    && srcOnline
                    && consumers.subscription(header.srcGroup(), topic).isEmpty()) {
                log.warn(
                        "clone of group {} offsets: the online group does not subscribe to {}; skipped",
                        header.srcGroup(),
                        topic);
                continue;
            }
            Map<Integer, Long> copied = offsets.offsetsOf(header.srcGroup(), topic);
            offsets.resetAll(header.destGroup(), topic, copied);
            log.info(
                    "cloned offsets of group {} on topic {} to group {}: {}",
                    header.srcGroup(),
                    topic,
                    header.destGroup(),
                    copied);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }
}
