package io.couriermq.broker.processor;

import io.couriermq.broker.admin.QueueLookup;
import io.couriermq.broker.admin.SystemTopics;
import io.couriermq.broker.admin.TopicAttributes;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.broker.topic.TopicNames;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic administration on this broker: create or update, delete (with the topic's consumer offsets),
 * and read one or all topic configs. The topic manager persists every change and re-registers with the
 * NameServers itself. System topics cannot be created, changed or deleted this way.
 */
public final class TopicAdminProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.UPDATE_AND_CREATE_TOPIC,
            RequestCode.DELETE_TOPIC_IN_BROKER,
            RequestCode.GET_ALL_TOPIC_CONFIG,
            RequestCode.GET_TOPIC_CONFIG);

    private static final Logger log = LoggerFactory.getLogger(TopicAdminProcessor.class);
    private static final Set<String> FILTER_TYPES = Set.of("SINGLE_TAG", "MULTI_TAG");

    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;

    public TopicAdminProcessor(TopicConfigManager topics, ConsumerOffsetManager offsets) {
        this.topics = topics;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case UPDATE_AND_CREATE_TOPIC -> createOrUpdate(request);
            case DELETE_TOPIC_IN_BROKER -> delete(request);
            case GET_ALL_TOPIC_CONFIG ->
                success(
                        request,
                        RemotingJson.encode(TopicConfigAndMappingSerializeWrapper.withoutMappings(topics.snapshot())));
            case GET_TOPIC_CONFIG -> topicConfig(request);
            default -> throw new IllegalArgumentException("not a topic admin request: " + request);
        };
    }

    private RemotingCommand createOrUpdate(RemotingCommand request) {
        CreateTopicRequestHeader header = request.decodeHeader(CreateTopicRequestHeader::decode);
        String problem = problemWithName(header.topic());
        if (problem == null && !FILTER_TYPES.contains(header.topicFilterType())) {
            problem = "topic " + header.topic() + ": topicFilterType must be SINGLE_TAG or MULTI_TAG, was "
                    + header.topicFilterType();
        }
        if (problem != null) {
            return QueueLookup.systemError(request, problem);
        }
        Optional<TopicConfig> existing = topics.find(header.topic());
        try {
            TopicConfig wanted = configFrom(header, existing);
            if (existing.isPresent() && existing.get().equals(wanted)) {
                log.debug("topic {} unchanged by UPDATE_AND_CREATE_TOPIC", header.topic());
            } else {
                topics.createOrUpdate(wanted);
            }
        } catch (IllegalArgumentException e) {
            return QueueLookup.systemError(request, e.getMessage());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private static TopicConfig configFrom(CreateTopicRequestHeader header, Optional<TopicConfig> existing) {
        Map<String, String> current = existing.map(TopicConfig::attributes).orElse(Map.of());
        Map<String, String> attributes = TopicAttributes.apply(current, header.attributes(), existing.isEmpty());
        return new TopicConfig(
                header.topic(),
                header.readQueueNums(),
                header.writeQueueNums(),
                header.perm(),
                header.topicFilterType(),
                header.topicSysFlag() == null ? 0 : header.topicSysFlag(),
                header.order(),
                attributes);
    }

    /** Drops the topic and every group's offsets on it; deleting an unknown topic succeeds. */
    private RemotingCommand delete(RemotingCommand request) {
        String topic = request.decodeHeader(DeleteTopicRequestHeader::decode).topic();
        if (SystemTopics.isSystemTopic(topic)) {
            return QueueLookup.systemError(request, "topic " + topic + " is a system topic and cannot be deleted");
        }
        boolean existed = topics.delete(topic);
        offsets.removeTopic(topic);
        log.info("DELETE_TOPIC_IN_BROKER {}: {}", topic, existed ? "deleted with its offsets" : "was not there");
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    /**
     * GET_TOPIC_CONFIG (5.x admin {@code examineTopicConfig}): the client reads the body as
     * TopicConfigAndQueueMapping, i.e. a TopicConfig plus an optional {@code mappingDetail} for static
     * topics, which we do not have and leave out.
     */
    private RemotingCommand topicConfig(RemotingCommand request) {
        String topic = request.decodeHeader(fields -> fields.requireString("topic"));
        return topics.find(topic)
                .map(config -> success(request, RemotingJson.encode(config)))
                .orElseGet(() -> QueueLookup.topicNotExist(request, topic));
    }

    private static String problemWithName(String topic) {
        String problem = TopicNames.problemWith(topic);
        if (problem == null && SystemTopics.isSystemTopic(topic)) {
            problem = "topic " + topic + " is a system topic and cannot be created or changed";
        }
        return problem;
    }

    private static RemotingCommand success(RemotingCommand request, byte[] body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(body)
                .build();
    }
}
