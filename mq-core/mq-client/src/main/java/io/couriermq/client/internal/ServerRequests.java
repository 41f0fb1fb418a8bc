package io.couriermq.client.internal;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.NotifyConsumerIdsChangedRequestHeader;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests brokers send to this client: consumer membership changes, transaction checks, pushed replies,
 * and the admin requests relayed to consumers ({@link ConsumerAdminRequests}).
 */
public final class ServerRequests {
    private static final Logger log = LoggerFactory.getLogger(ServerRequests.class);

    private ServerRequests() {}

    public static void register(
            NettyRemotingClient remoting,
            ClientMembers members,
            PendingReplies replies,
            Clock clock,
            ExecutorService callbacks) {
        remoting.registerProcessor(
                RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT.code(),
                (context, request) -> {
                    try {
                        ReceivedMessage reply = PushedReply.decode(request, clock.millis());
                        replies.complete(reply.property(PushedReply.CORRELATION_ID), reply);
                        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                                .build();
                    } catch (RuntimeException e) {
                        log.warn(
                                "unreadable reply pushed by {}",
                                context.channel().remoteAddress(),
                                e);
                        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                                .remark("unreadable reply: " + e.getMessage())
                                .build();
                    }
                },
                callbacks);
        remoting.registerProcessor(
                RequestCode.NOTIFY_CONSUMER_IDS_CHANGED.code(),
                (context, request) -> {
                    String group = request.decodeHeader(NotifyConsumerIdsChangedRequestHeader::decode)
                            .consumerGroup();
                    members.consumer(group).ifPresent(ConsumerMembership::onConsumerIdsChanged);
                    return null;
                },
                callbacks);
        remoting.registerProcessor(
                RequestCode.CHECK_TRANSACTION_STATE.code(),
                (context, request) -> {
                    String group = producerGroupOf(request);
                    members.transactionChecks(group)
                            .ifPresentOrElse(
                                    handler -> handler.check(context.channel(), request),
                                    () -> log.warn(
                                            "transaction check from {} for producer group {} that does not run here",
                                            context.channel().remoteAddress(),
                                            group));
                    return null;
                },
                callbacks);
        ConsumerAdminRequests.register(remoting, members, callbacks);
    }

    /** The half message's PGROUP property names the group that must answer. */
    private static String producerGroupOf(RemotingCommand request) {
        if (!request.hasBody()) {
            return null;
        }
        return MessageDecoder.decode(ByteBuffer.wrap(request.body()), 0)
                .message()
                .property(MessageConst.PRODUCER_GROUP);
    }
}
