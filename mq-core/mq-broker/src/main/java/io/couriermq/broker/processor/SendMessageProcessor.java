package io.couriermq.broker.processor;

import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.send.MessageFactory;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.broker.send.SendResponses;
import io.couriermq.broker.send.SendTopicResolver;
import io.couriermq.common.message.Message;
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
import java.util.ArrayList;
import java.util.List;
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
    private final List<MessageDiversion> diversions;

    public SendMessageProcessor(
            SendTopicResolver topics,
            MessageFactory messages,
            List<MessageDiversion> diversions,
            MessageStore store,
            InetSocketAddress storeHost,
            BrokerObserver observer) {
        this.topics = topics;
        this.messages = messages;
        this.diversions = List.copyOf(diversions);
        this.store = store;
        this.storeHost = storeHost;
        this.observer = observer;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        long startNanos = System.nanoTime();
        SendMessageRequestHeader header = request.decodeHeader(SendMessageRequestHeader.decoderFor(request.code()));
        List<Message> batch;
        int queueId;
        try {
            TopicConfig topic = topics.topicFor(header);
            queueId = topics.queueFor(topic, header.queueId());
            InetSocketAddress bornHost = hostOf(context.channel().remoteAddress());
            batch = divert(
                    request.code() == RequestCode.SEND_BATCH_MESSAGE.code()
                            ? messages.batch(header, queueId, request.body(), bornHost)
                            : List.of(messages.single(header, queueId, request.body(), bornHost)));
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
                context.respond(SendResponses.of(request, result, batch, queueId, storeHost));
            }
        });
        return null;
    }

    private List<Message> divert(List<Message> batch) {
        if (diversions.isEmpty()) {
            return batch;
        }
        List<Message> diverted = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Message current = message;
            for (MessageDiversion diversion : diversions) {
                current = diversion.divert(current);
            }
            diverted.add(current);
        }
        return diverted;
    }

    private void observe(String topic, PutResult result, long startNanos) {
        if (result.isStored()) {
            long bytes = result.records().stream()
                    .mapToLong(AppendedRecord::sizeBytes)
                    .sum();
            observer.onMessagesStored(topic, result.records().size(), bytes, System.nanoTime() - startNanos);
        } else {
            observer.onPutFailed(topic, result.status().name());
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
