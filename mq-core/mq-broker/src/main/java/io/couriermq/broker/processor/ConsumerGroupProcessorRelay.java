package io.couriermq.broker.processor;

import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.remoting.rpc.RequestContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an admin request (GET_CONSUMER_RUNNING_INFO, CONSUME_MESSAGE_DIRECTLY) to one consumer over
 * that consumer's own connection and the consumer's answer back: same code, ext fields and body out
 * (the caller may add fields and a body); code, remark, ext fields and body back (the ConsumerRunningInfo
 * body is not standard JSON, so answers are never parsed). The processor thread
 * does not wait: the answer is sent from the relay's completion.
 */
final class ConsumerGroupProcessorRelay {
    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupProcessorRelay.class);

    static final long DEFAULT_TIMEOUT_MS = 10_000;

    private final ConsumerGroupRegistry consumers;
    private final long timeoutMs;

    ConsumerGroupProcessorRelay(ConsumerGroupRegistry consumers, long timeoutMs) {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("relay timeout must be positive, was " + timeoutMs + " ms");
        }
        this.consumers = consumers;
        this.timeoutMs = timeoutMs;
    }

    /** Returns an immediate answer when the consumer is not online, else null (answered later). */
    RemotingCommand forward(RequestContext context, RemotingCommand request) {
        GetConsumerRunningInfoRequestHeader header = request.decodeHeader(GetConsumerRunningInfoRequestHeader::decode);
        return forward(
                context, request, header.consumerGroup(), header.clientId(), request.extFields(), request.body());
    }

    /**
     * Relays {@code request}'s code with the given ext fields and body to one consumer. Returns an
     * immediate answer when the consumer is not online, else null (answered later).
     */
    RemotingCommand forward(
            RequestContext context,
            RemotingCommand request,
            String group,
            String clientId,
            Map<String, String> extFields,
            byte[] body) {
        Optional<RemotingChannel> channel = clientId == null ? Optional.empty() : consumers.channelOf(group, clientId);
        if (channel.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("The Consumer <" + group + "> <" + clientId + "> not online")
                    .build();
        }
        RemotingCommand forwarded = RemotingCommand.request(request.code())
                .extFields(extFields)
                .body(body)
                .build();
        String target = "consumer <" + group + "> <" + clientId + ">";
        channel.get()
                .invoke(forwarded, timeoutMs)
                .whenComplete((answer, failure) ->
                        context.respond(failure == null ? relayed(request, answer) : failed(request, target, failure)));
        return null;
    }

    private static RemotingCommand relayed(RemotingCommand request, RemotingCommand answer) {
        return RemotingCommand.responseTo(request, answer.code())
                .remark(answer.remark())
                .extFields(answer.extFields())
                .body(answer.body())
                .build();
    }

    private RemotingCommand failed(RemotingCommand request, String target, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        log.debug("relaying {} to {} failed: {}", RequestCode.nameOf(request.code()), target, cause.toString());
        if (cause instanceof RemotingTimeoutException) {
            return RemotingCommand.responseTo(request, ResponseCode.CONSUME_MSG_TIMEOUT)
                    .remark("invoke " + target + " timeout after " + timeoutMs + " ms")
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                .remark("invoke " + target + " failed: " + cause.getMessage())
                .build();
    }
}
