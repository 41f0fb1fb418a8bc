package io.couriermq.broker.processor;

import io.couriermq.broker.admin.QueueLookup;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.offset.LocalCommit;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.BoundaryType;
import io.couriermq.remoting.protocol.header.broker.GetEarliestMsgStoretimeRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetEarliestMsgStoretimeResponseHeader;
import io.couriermq.remoting.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMinOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SearchOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer offsets and queue offsets: the requests a consumer sends when it takes over a queue (where
 * to start) and while it consumes (where it got to). Every request names a topic this broker has and a
 * queue of it; anything else is answered with TOPIC_NOT_EXIST or a SYSTEM_ERROR naming topic and queue.
 *
 * <p>All requests are cheap metadata reads; UPDATE_CONSUMER_OFFSET is usually oneway.
 */
public final class ConsumerOffsetProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.QUERY_CONSUMER_OFFSET,
            RequestCode.UPDATE_CONSUMER_OFFSET,
            RequestCode.GET_MAX_OFFSET,
            RequestCode.GET_MIN_OFFSET,
            RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            RequestCode.GET_EARLIEST_MSG_STORETIME);

    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsetProcessor.class);

    private final QueueLookup queues;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;

    public ConsumerOffsetProcessor(TopicConfigManager topics, ConsumerOffsetManager offsets, MessageStore store) {
        this.queues = new QueueLookup(topics);
        this.offsets = offsets;
        this.store = store;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case QUERY_CONSUMER_OFFSET -> queryConsumerOffset(request);
            case UPDATE_CONSUMER_OFFSET -> updateConsumerOffset(request);
            case GET_MAX_OFFSET -> maxOffset(request);
            case GET_MIN_OFFSET -> minOffset(request);
            case SEARCH_OFFSET_BY_TIMESTAMP -> searchOffset(request);
            case GET_EARLIEST_MSG_STORETIME -> earliestStoreTime(request);
            default -> throw new IllegalArgumentException("not a consumer offset request: " + request);
        };
    }

    /**
     * The committed offset; without one, offset 0 for a queue that still holds its very first message
     * (so a new group on a young topic starts at the beginning) unless the request says
     * setZeroIfNotFound=false; otherwise QUERY_NOT_FOUND, and the client applies its consumeFromWhere.
     */
    private RemotingCommand queryConsumerOffset(RemotingCommand request) {
        QueryConsumerOffsetRequestHeader header = request.decodeHeader(QueryConsumerOffsetRequestHeader::decode);
        Optional<RemotingCommand> refusal = queues.refuse(request, header.topic(), header.queueId());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        OptionalLong committed = offsets.committedOffset(header.consumerGroup(), header.topic(), header.queueId());
        if (committed.isPresent()) {
            return offsetResponse(request, committed.getAsLong());
        }
        boolean zeroAllowed = !Boolean.FALSE.equals(header.setZeroIfNotFound());
        if (zeroAllowed && holdsItsFirstMessage(header.topic(), header.queueId())) {
            return offsetResponse(request, 0);
        }
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                .remark("no offset of group " + header.consumerGroup() + " on " + header.topic() + " queue "
                        + header.queueId())
                .build();
    }

    private boolean holdsItsFirstMessage(String topic, int queueId) {
        return store.minOffset(topic, queueId) == 0 && store.maxOffset(topic, queueId) > 0;
    }

    private RemotingCommand updateConsumerOffset(RemotingCommand request) {
        UpdateConsumerOffsetRequestHeader header = request.decodeHeader(UpdateConsumerOffsetRequestHeader::decode);
        Optional<RemotingCommand> refusal = queues.refuse(request, header.topic(), header.queueId());
        if (refusal.isEmpty() && header.commitOffset() < 0) {
            refusal = Optional.of(QueueLookup.systemError(
                    request,
                    "offset of group " + header.consumerGroup() + " on " + header.topic() + " queue " + header.queueId()
                            + " must not be negative, was " + header.commitOffset()));
        }
        if (refusal.isEmpty()) {
            commit(request, header);
        }
        if (request.isOneway()) {
            return null;
        }
        return refusal.orElseGet(
                () -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build());
    }

    /**
     * A client's commit is taken as it is (it may move the offset back); a slave's hand-back (marked by
     * {@link LocalCommit#HAND_BACK_FIELD}) only moves it forward, unless an admin reset came after it.
     */
    private void commit(RemotingCommand request, UpdateConsumerOffsetRequestHeader header) {
        Long handBackCommitMs = request.decodeHeader(fields -> fields.optionalLong(LocalCommit.HAND_BACK_FIELD));
        if (handBackCommitMs == null) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
            return;
        }
        boolean taken = offsets.handBack(
                header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset(), handBackCommitMs);
        log.debug(
                "hand-back of {} on {}/{} at {}: {}",
                header.consumerGroup(),
                header.topic(),
                header.queueId(),
                header.commitOffset(),
                taken ? "taken" : "behind this broker's offset or an admin reset");
    }

    private RemotingCommand maxOffset(RemotingCommand request) {
        GetMaxOffsetRequestHeader header = request.decodeHeader(GetMaxOffsetRequestHeader::decode);
        return queues.refuse(request, header.topic(), header.queueId())
                .orElseGet(() -> offsetResponse(request, store.maxOffset(header.topic(), header.queueId())));
    }

    private RemotingCommand minOffset(RemotingCommand request) {
        GetMinOffsetRequestHeader header = request.decodeHeader(GetMinOffsetRequestHeader::decode);
        return queues.refuse(request, header.topic(), header.queueId())
                .orElseGet(() -> offsetResponse(request, store.minOffset(header.topic(), header.queueId())));
    }

    private RemotingCommand searchOffset(RemotingCommand request) {
        SearchOffsetRequestHeader header = request.decodeHeader(SearchOffsetRequestHeader::decode);
        return queues.refuse(request, header.topic(), header.queueId())
                .orElseGet(() -> offsetResponse(
                        request,
                        offsetByTimestamp(
                                header.topic(), header.queueId(), header.timestamp(), header.boundaryType())));
    }

    /**
     * LOWER: the first offset stored at or after the time (the max offset when everything is older).
     * UPPER: the last offset stored at or before it (the min offset when everything is newer).
     */
    private long offsetByTimestamp(String topic, int queueId, long timestampMs, BoundaryType boundary) {
        if (boundary == BoundaryType.LOWER) {
            return store.offsetByTimestamp(topic, queueId, timestampMs);
        }
        long afterTimestamp = timestampMs == Long.MAX_VALUE
                ? store.maxOffset(topic, queueId)
                : store.offsetByTimestamp(topic, queueId, timestampMs + 1);
        return Math.max(store.minOffset(topic, queueId), afterTimestamp - 1);
    }

    /** Store time of the queue's oldest kept message; -1 for an empty queue, as the official broker. */
    private RemotingCommand earliestStoreTime(RemotingCommand request) {
        GetEarliestMsgStoretimeRequestHeader header =
                request.decodeHeader(GetEarliestMsgStoretimeRequestHeader::decode);
        return queues.refuse(request, header.topic(), header.queueId()).orElseGet(() -> {
            long minOffset = store.minOffset(header.topic(), header.queueId());
            long timestampMs = store.storeTimestampMs(header.topic(), header.queueId(), minOffset);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                    .header(new GetEarliestMsgStoretimeResponseHeader(timestampMs))
                    .build();
        });
    }

    private static RemotingCommand offsetResponse(RemotingCommand request, long offset) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new OffsetResponseHeader(offset))
                .build();
    }
}
