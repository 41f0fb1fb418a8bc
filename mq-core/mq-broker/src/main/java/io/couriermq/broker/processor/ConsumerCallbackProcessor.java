package io.couriermq.broker.processor;

import io.couriermq.broker.client.ClientChannelInfo;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.GetConsumerStatusBody;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.ObjectKeyJson;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.ConsumeMessageDirectlyResultRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerStatusRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin requests the broker answers by calling its consumers back on their own connections:
 *
 * <ul>
 *   <li>INVOKE_BROKER_TO_GET_CONSUMER_STATUS (mqadmin getConsumerStatus): GET_CONSUMER_STATUS_FROM_CLIENT
 *       to every live member (or the one whose client id is {@code clientAddr}), answered with each
 *       client's offsets by client id. Clients that fail or time out are left out, as on RocketMQ;
 *       SYSTEM_ERROR when nobody is online.
 *   <li>CONSUME_MESSAGE_DIRECTLY (queryMsgByUniqueKey -g -d, the dashboard's resend to a consumer): the
 *       message the offsetMsgId names is read from the store, its record put in the body, brokerName,
 *       topicSysFlag and groupSysFlag added, and the request relayed to the client; its
 *       ConsumeMessageDirectlyResult comes back unparsed.
 * </ul>
 *
 * Neither blocks the processor thread: the answer is sent when the clients have answered.
 */
public final class ConsumerCallbackProcessor implements RequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(ConsumerCallbackProcessor.class);

    public static final List<RequestCode> CODES =
            List.of(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, RequestCode.CONSUME_MESSAGE_DIRECTLY);

    /** How long each client may take to report its status (RocketMQ: 5 s). */
    static final long STATUS_TIMEOUT_MS = 5_000;

    private final String brokerName;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerGroupRegistry consumers;
    private final ConsumerGroupProcessorRelay relay;
    private final long statusTimeoutMs;

    public ConsumerCallbackProcessor(
            String brokerName,
            MessageStore store,
            TopicConfigManager topics,
            SubscriptionGroupManager groups,
            ConsumerGroupRegistry consumers) {
        this(
                brokerName,
                store,
                topics,
                groups,
                consumers,
                ConsumerGroupProcessorRelay.DEFAULT_TIMEOUT_MS,
                STATUS_TIMEOUT_MS);
    }

    ConsumerCallbackProcessor(
            String brokerName,
            MessageStore store,
            TopicConfigManager topics,
            SubscriptionGroupManager groups,
            ConsumerGroupRegistry consumers,
            long relayTimeoutMs,
            long statusTimeoutMs) {
        this.brokerName = brokerName;
        this.store = store;
        this.topics = topics;
        this.groups = groups;
        this.consumers = consumers;
        this.relay = new ConsumerGroupProcessorRelay(consumers, relayTimeoutMs);
        this.statusTimeoutMs = statusTimeoutMs;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case INVOKE_BROKER_TO_GET_CONSUMER_STATUS -> consumerStatus(context, request);
            case CONSUME_MESSAGE_DIRECTLY -> consumeDirectly(context, request);
            default -> throw new IllegalArgumentException("not a consumer callback request: " + request);
        };
    }

    private RemotingCommand consumerStatus(RequestContext context, RemotingCommand request) {
        GetConsumerStatusRequestHeader header = request.decodeHeader(GetConsumerStatusRequestHeader::decode);
        List<ClientChannelInfo> members = consumers.members(header.group()).stream()
                .filter(member -> member.identity().channel().isActive())
                .toList();
        if (members.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("No Any Consumer online in the consumer group: [" + header.group() + "]")
                    .build();
        }
        String wanted = header.clientAddr();
        Map<String, Map<MessageQueue, Long>> byClient = new ConcurrentHashMap<>();
        CompletableFuture<?>[] calls = members.stream()
                .filter(member -> wanted == null
                        || wanted.isBlank()
                        || wanted.equals(member.identity().clientId()))
                .map(member -> askStatus(member, header, byClient))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(calls)
                .whenComplete(
                        (ignored, failure) -> context.respond(RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                                .body(RemotingJson.encode(new GetConsumerStatusBody(byClient, null)))
                                .build()));
        return null;
    }

    /** One client's status into {@code byClient}; the future never fails, a failed client is only logged. */
    private CompletableFuture<Void> askStatus(
            ClientChannelInfo member,
            GetConsumerStatusRequestHeader header,
            Map<String, Map<MessageQueue, Long>> byClient) {
        String clientId = member.identity().clientId();
        RemotingCommand ask = RemotingCommand.request(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT)
                .header(new GetConsumerStatusRequestHeader(header.topic(), header.group(), null))
                .build();
        return member.identity().channel().invoke(ask, statusTimeoutMs).handle((answer, failure) -> {
            if (failure != null) {
                log.warn(
                        "consumer {} of group {} did not report its status: {}",
                        clientId,
                        header.group(),
                        failure.toString());
            } else if (answer.code() == ResponseCode.SUCCESS.code() && answer.body() != null) {
                readStatus(clientId, answer.body()).ifPresent(table -> byClient.put(clientId, table));
            }
            return null;
        });
    }

    private static Optional<Map<MessageQueue, Long>> readStatus(String clientId, byte[] body) {
        try {
            byte[] standard = ObjectKeyJson.normalize(body);
            return Optional.of(
                    RemotingJson.decode(standard, GetConsumerStatusBody.class).messageQueueTable());
        } catch (RemotingCommandException e) {
            log.warn("consumer {} answered its status with an unreadable body: {}", clientId, e.getMessage());
            return Optional.empty();
        }
    }

    private RemotingCommand consumeDirectly(RequestContext context, RemotingCommand request) {
        ConsumeMessageDirectlyResultRequestHeader header =
                request.decodeHeader(ConsumeMessageDirectlyResultRequestHeader::decode);
        Optional<byte[]> record = header.msgId() == null ? Optional.empty() : record(header.msgId());
        if (record.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("no message with id " + header.msgId() + " on broker " + brokerName)
                    .build();
        }
        Map<String, String> extFields = new HashMap<>(request.extFields());
        extFields.put("brokerName", brokerName);
        if (header.topic() != null && !header.topic().isEmpty()) {
            topics.find(header.topic())
                    .ifPresent(topic -> extFields.put("topicSysFlag", String.valueOf(topic.topicSysFlag())));
        }
        groups.find(header.consumerGroup())
                .ifPresent(group -> extFields.put("groupSysFlag", String.valueOf(group.groupSysFlag())));
        return relay.forward(context, request, header.consumerGroup(), header.clientId(), extFields, record.get());
    }

    /** The stored record the offsetMsgId points at, copied; empty when no record starts there. */
    private Optional<byte[]> record(String msgId) {
        long offset;
        try {
            offset = MessageId.decode(msgId).commitLogOffset();
        } catch (MalformedRecordException e) {
            return Optional.empty();
        }
        Optional<RecordSlice> found = offset < 0 ? Optional.empty() : store.readRecord(offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (RecordSlice slice = found.get()) {
            ByteBuffer buffer = slice.buffer().duplicate();
            if (RecordView.at(buffer, 0).physicalOffset() != offset) {
                return Optional.empty();
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return Optional.of(bytes);
        } catch (IndexOutOfBoundsException | MalformedRecordException e) {
            return Optional.empty();
        }
    }
}
