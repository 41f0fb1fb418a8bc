package io.couriermq.remoting.netty;

import io.couriermq.remoting.logging.RateLimitedLog;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ProcessorRegistry;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestGuard;
import io.couriermq.remoting.rpc.RequestObserver;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded commands: responses to the request waiting for them, requests to their processor's
 * executor. Requests never run on the event loop. A code nobody handles is answered
 * REQUEST_CODE_NOT_SUPPORTED; when the executor is full, a request that expects an answer gets
 * SYSTEM_BUSY, and a oneway request holds the connection back ({@link ChannelBackPressure}) until it
 * can be queued: the sender always hears back or is slowed down, never silently dropped.
 */
@ChannelHandler.Sharable
final class CommandDispatcher extends SimpleChannelInboundHandler<RemotingCommand> {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final ProcessorRegistry processors;
    private final RemotingChannels channels;
    private final RateLimitedLog failures = new RateLimitedLog(log, ConnectionHandler.LOG_WINDOW);
    private volatile RequestObserver observer = RequestObserver.NONE;
    private volatile RequestGuard guard = RequestGuard.ALLOW_ALL;

    CommandDispatcher(ProcessorRegistry processors, RemotingChannels channels) {
        this.processors = processors;
        this.channels = channels;
    }

    void observer(RequestObserver observer) {
        this.observer = observer == null ? RequestObserver.NONE : observer;
    }

    void guard(RequestGuard guard) {
        this.guard = guard == null ? RequestGuard.ALLOW_ALL : guard;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
        if (command.isResponse()) {
            channels.responses().complete(command);
            return;
        }
        ChannelBackPressure heldBack = ChannelBackPressure.of(ctx.channel());
        if (heldBack != null) {
            heldBack.enqueue(command);
            return;
        }
        NettyRemotingChannel channel = channels.of(ctx.channel());
        if (submit(channel, command)) {
            return;
        }
        if (command.isOneway()) {
            // A oneway sender never reads a SYSTEM_BUSY answer: slow it down instead of losing its request.
            ChannelBackPressure.holdBack(ctx.channel(), command, waiting -> submit(channel, waiting));
            return;
        }
        answer(
                channel,
                command,
                RemotingCommand.responseTo(command, ResponseCode.SYSTEM_BUSY)
                        .remark("[OVERLOAD] the " + RequestCode.nameOf(command.code())
                                + " queue is full, try another broker or later")
                        .build());
    }

    /**
     * Queues a request on its processor's executor; false when the executor is full. A code nobody
     * handles is answered here and counts as taken.
     */
    private boolean submit(NettyRemotingChannel channel, RemotingCommand command) {
        ProcessorRegistry.Registration registration = processors.lookup(command.code());
        if (registration == null) {
            log.debug("{} from {} is not supported", RequestCode.nameOf(command.code()), channel);
            answer(
                    channel,
                    command,
                    RemotingCommand.responseTo(command, ResponseCode.REQUEST_CODE_NOT_SUPPORTED)
                            .remark(" request type " + command.code() + " not supported")
                            .build());
            return true;
        }
        try {
            registration.executor().execute(() -> process(registration, channel, command));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void process(
            ProcessorRegistry.Registration registration, NettyRemotingChannel channel, RemotingCommand request) {
        long start = System.nanoTime();
        Context context = new Context(channel, request);
        RemotingCommand response;
        try {
            RemotingCommand refusal = guard.refuse(channel, request);
            response = refusal != null ? refusal : registration.processor().process(context, request);
        } catch (RemotingCommandException e) {
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(e.getMessage())
                    .build();
        } catch (IllegalArgumentException e) {
            // A value from the request failed a domain check below the processor (a name too long, a
            // negative offset): the sender's mistake, answered with the check's message, not a stack trace.
            failures.warn(
                    RequestCode.nameOf(request.code()) + ": refused argument",
                    "{} from {} refused: {}",
                    RequestCode.nameOf(request.code()),
                    channel,
                    e.getMessage());
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(e.getMessage())
                    .build();
        } catch (Exception e) {
            // A processor bug, not bad input (that raises RemotingCommandException): the stack trace
            // once per kind and processor a minute, so a peer repeating the request cannot flood the log.
            failures.warn(
                    RequestCode.nameOf(request.code()) + ": " + e.getClass().getName(),
                    "processing {} from {} failed",
                    request,
                    channel,
                    e);
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(e.toString())
                    .build();
        }
        if (response != null) {
            context.respond(response);
        }
        observer.onRequestProcessed(
                request.code(),
                response == null ? RequestObserver.NO_RESPONSE : response.code(),
                System.nanoTime() - start);
    }

    private static void answer(NettyRemotingChannel channel, RemotingCommand request, RemotingCommand response) {
        if (!request.isOneway()) {
            channel.nettyChannel().writeAndFlush(response);
        }
    }

    /** The context of one request: answers at most once, never to a oneway request. */
    private static final class Context implements RequestContext {
        private final NettyRemotingChannel channel;
        private final RemotingCommand request;
        private final AtomicBoolean answered = new AtomicBoolean();

        Context(NettyRemotingChannel channel, RemotingCommand request) {
            this.channel = channel;
            this.request = request;
        }

        @Override
        public NettyRemotingChannel channel() {
            return channel;
        }

        @Override
        public void respond(RemotingCommand response) {
            if (!answered.compareAndSet(false, true)) {
                throw new IllegalStateException("request " + request + " was already answered");
            }
            if (request.isOneway() || !channel.isActive()) {
                response.releaseBody();
                return;
            }
            channel.nettyChannel().writeAndFlush(response).addListener(write -> {
                // Written or failed, a zero-copy body's buffers are no longer needed by the socket.
                response.releaseBody();
                if (!write.isSuccess()) {
                    log.debug("could not answer {} on {}: {}", request, channel, String.valueOf(write.cause()));
                }
            });
        }
    }
}
