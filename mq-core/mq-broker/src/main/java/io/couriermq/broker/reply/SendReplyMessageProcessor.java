package io.couriermq.broker.reply;

import io.couriermq.broker.send.MessageFactory;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.broker.send.SendResponses;
import io.couriermq.broker.send.SendTopicResolver;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.ReplyMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_REPLY_MESSAGE (324) and SEND_REPLY_MESSAGE_V2 (325): a replier's answer to a request message.
 * The reply is pushed to the requesting client (found by REPLY_TO_CLIENT) with
 * PUSH_REPLY_MESSAGE_TO_CLIENT on the connection it opened, then stored in the reply topic. The replier
 * gets SUCCESS once the requester took the reply, SYSTEM_ERROR with the reason otherwise (the official
 * replier then tries another broker, which may know the requester). Nothing waits on the send thread.
 */
public final class SendReplyMessageProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2);

    static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";
    static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";
    static final long PUSH_TIMEOUT_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SendReplyMessageProcessor.class);

    private final SendTopicResolver topics;
    private final MessageFactory messages;
    private final MessageStore store;
    private final RequesterLocator requesters;
    private final InetSocketAddress storeHost;
    private final Clock clock;

    public SendReplyMessageProcessor(
            SendTopicResolver topics,
            MessageFactory messages,
            MessageStore store,
            RequesterLocator requesters,
            InetSocketAddress storeHost,
            Clock clock) {
        this.topics = topics;
        this.messages = messages;
        this.store = store;
        this.requesters = requesters;
        this.storeHost = storeHost;
        this.clock = clock;
    }

    /** Creates {@code <cluster>_REPLY_TOPIC} (one queue, read-write) so repliers find a route to it. */
    public static void ensureReplyTopic(TopicConfigManager topicConfigs, String clusterName) {
        String replyTopic = clusterName + REPLY_TOPIC_SUFFIX;
        if (topicConfigs.find(replyTopic).isEmpty()) {
            topicConfigs.createOrUpdate(
                    new TopicConfig(replyTopic, 1, 1, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of()));
        }
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        SendMessageRequestHeader header = request.decodeHeader(SendMessageRequestHeader.decoderFor(request.code()));
        Message reply;
        try {
            TopicConfig topic = topics.topicFor(header);
            int queueId = topics.queueFor(topic, header.queueId());
            reply = messages.single(header, queueId, request.body(), hostOf(context.channel()));
        } catch (SendRejection rejection) {
            return SendResponses.rejected(request, rejection);
        }
        push(header, reply, context.channel().remoteAddress())
                .thenAccept(problem -> store.putMessage(reply).whenComplete((stored, failure) -> {
                    if (problem != null) {
                        log.debug("reply {} not delivered: {}", reply.uniqueKey(), problem);
                        context.respond(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                                .remark(problem)
                                .build());
                    } else {
                        context.respond(answerPushed(request, reply, stored, failure));
                    }
                }));
        return null;
    }

    /** Completes with null once the requester took the reply, else with why not. */
    private CompletableFuture<String> push(SendMessageRequestHeader header, Message reply, String bornHost) {
        String clientId = reply.property(REPLY_TO_CLIENT);
        if (clientId == null || clientId.isBlank()) {
            return CompletableFuture.completedFuture("the reply message has no " + REPLY_TO_CLIENT + " property");
        }
        Optional<RemotingChannel> requester = requesters.channelOf(clientId);
        if (requester.isEmpty()) {
            return CompletableFuture.completedFuture(
                    "the requesting client " + clientId + " is not connected to this broker");
        }
        return requester
                .get()
                .invoke(pushRequest(header, reply, bornHost), PUSH_TIMEOUT_MS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        return "pushing the reply to " + clientId + " failed: " + failure;
                    }
                    return answer.code() == ResponseCode.SUCCESS.code()
                            ? null
                            : "the requesting client " + clientId + " refused the reply: " + answer.code() + " "
                                    + answer.remark();
                });
    }

    private RemotingCommand pushRequest(SendMessageRequestHeader header, Message reply, String bornHost) {
        long now = clock.millis();
        Map<String, String> properties = new LinkedHashMap<>(reply.properties());
        properties.put(PUSH_REPLY_TIME, Long.toString(now));
        return RemotingCommand.request(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT)
                .header(new ReplyMessageRequestHeader(
                        header.producerGroup(),
                        reply.topic(),
                        header.defaultTopic(),
                        header.defaultTopicQueueNums(),
                        reply.queueId(),
                        header.sysFlag(),
                        header.bornTimestamp(),
                        header.flag(),
                        MessageProperties.encode(properties),
                        header.reconsumeTimes(),
                        header.unitMode(),
                        bornHost,
                        storeHost.getAddress().getHostAddress() + ":" + storeHost.getPort(),
                        now))
                .body(reply.bodyBytes())
                .build();
    }

    /** Pushed: SUCCESS, with the stored ids when the store took it too (storing is best effort). */
    private RemotingCommand answerPushed(RemotingCommand request, Message reply, PutResult stored, Throwable failure) {
        if (failure == null && stored.isOk()) {
            return SendResponses.of(request, stored, List.of(reply), reply.queueId(), storeHost);
        }
        String why = failure != null ? failure.toString() : stored.status() + " " + stored.detail();
        log.warn("reply {} was pushed but not stored: {}", reply.uniqueKey(), why);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new SendMessageResponseHeader(
                        "0",
                        reply.queueId(),
                        0,
                        reply.uniqueKey(),
                        null,
                        SendMessageResponseHeader.DEFAULT_REGION,
                        true))
                .remark("pushed to the requester, not stored: " + why)
                .build();
    }

    private static InetSocketAddress hostOf(RemotingChannel channel) {
        String address = channel.remoteAddress();
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return InetSocketAddress.createUnresolved(address, 0);
        }
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }
}
