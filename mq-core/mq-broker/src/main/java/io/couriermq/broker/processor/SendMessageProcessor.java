package io.couriermq.broker.processor;

import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.broker.send.MessageFactory;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.broker.send.SendResponses;
import io.couriermq.broker.send.SendTopicResolver;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE: check the topic and queue, build the records,
 * append them, and answer when the store's future completes (after the group commit under
 * SYNC_FLUSH) — the send thread never waits for the disk.
 */
public final class SendMessageProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE);

    private static final Logger log = LoggerFactory.getLogger(SendMessageProcessor.class);

    private final SendTopicResolver topics;
    private final MessageFactory messages;
    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final BrokerObserver observer;

    public SendMessageProcessor(
            SendTopicResolver topics,
            MessageFactory messages,
            MessageStore store,
            InetSocketAddress storeHost,
            BrokerObserver observer) {
        this.topics = topics;
        this.messages = messages;
        this.store = store;
        this.storeHost = storeHost;
        this.observer = observer;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        long startNanos = System.nanoTime();
        SendMessageRequestHeader header = request.decodeHeader(SendMessageRequestHeader.decoderFor(request.code()));
        List<Message> batch;
        try {
            refuseFeaturesNotYetServed(header);
            TopicConfig topic = topics.topicFor(header);
            int queueId = topics.queueFor(topic, header.queueId());
            InetSocketAddress bornHost = hostOf(context.channel().remoteAddress());
            batch = request.code() == RequestCode.SEND_BATCH_MESSAGE.code()
                    ? messages.batch(header, queueId, request.body(), bornHost)
                    : List.of(messages.single(header, queueId, request.body(), bornHost));
        } catch (SendRejection rejection) {
            return SendResponses.rejected(request, rejection);
        }
        CompletableFuture<PutResult> stored =
                batch.size() == 1 ? store.putMessage(batch.get(0)) : store.putMessages(batch);
        stored.whenComplete((result, failure) -> {
            if (failure != null) {
                log.error("the store failed a put of {} to {}", batch.size(), header.topic(), failure);
                context.respond(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                        .remark("store failure: " + failure)
                        .build());
            } else {
                observe(header.topic(), result, startNanos);
                context.respond(SendResponses.of(request, result, batch, storeHost));
            }
        });
        return null;
    }

    private void observe(String topic, PutResult result, long startNanos) {
        if (result.isOk()) {
            long bytes = result.records().stream()
                    .mapToLong(AppendedRecord::sizeBytes)
                    .sum();
            observer.onMessagesStored(topic, result.records().size(), bytes, System.nanoTime() - startNanos);
        } else {
            observer.onPutFailed(topic, result.status().name());
        }
    }

    /**
     * Delayed and transactional messages need the schedule and half-message machinery (issue 6). Storing
     * them as plain messages would deliver them early or before their commit, so they are refused.
     */
    private static void refuseFeaturesNotYetServed(SendMessageRequestHeader header) {
        if ((header.sysFlag() & MessageSysFlag.TRANSACTION_PREPARED_TYPE) != 0) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "this broker does not accept transactional (half) messages yet");
        }
        Map<String, String> properties = MessageProperties.decode(header.properties());
        String delayLevel = properties.get(MessageConst.DELAY_TIME_LEVEL);
        boolean delayed = delayLevel != null
                && !delayLevel.isBlank()
                && !delayLevel.trim().equals("0");
        if (delayed
                || properties.containsKey(MessageConst.TIMER_DELIVER_MS)
                || properties.containsKey(MessageConst.TIMER_DELAY_SEC)
                || properties.containsKey(MessageConst.TIMER_DELAY_MS)) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL, "this broker does not deliver delayed or timed messages yet");
        }
    }

    private static InetSocketAddress hostOf(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return InetSocketAddress.createUnresolved(address, 0);
        }
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }
}
