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
import io.netty.channel.Channel;
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
    private final PendingRequests pending;
    private final boolean pauseOnUnsentResponses;
    private final RateLimitedLog failures = new RateLimitedLog(log, ConnectionHandler.LOG_WINDOW);
    private volatile RequestObserver observer = RequestObserver.NONE;
    private volatile RequestGuard guard = RequestGuard.ALLOW_ALL;

    /** For a client: its peers' requests are few, and it must always read the responses it waits for. */
    CommandDispatcher(ProcessorRegistry processors, RemotingChannels channels) {
        this(processors, channels, PendingRequests.unbounded(), false);
    }

    /**
     * For a server: a connection at a bound of {@code pending} (its requests or their bytes, queued or
     * running) is held back (not read, its next requests kept in arrival order) until one is done; at the
     * port's byte bound a request is treated as if its executor were full. With {@code
     * pauseOnUnsentResponses} a connection whose peer leaves its responses unread (the channel turns
     * unwritable at the high-water mark) is not read until they drain.
     */
    CommandDispatcher(
            ProcessorRegistry processors,
            RemotingChannels channels,
            PendingRequests pending,
            boolean pauseOnUnsentResponses) {
        this.processors = processors;
        this.channels = channels;
        this.pending = pending;
        this.pauseOnUnsentResponses = pauseOnUnsentResponses;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (pauseOnUnsentResponses) {
            Channel channel = ctx.channel();
            if (channel.isWritable()) {
                ReadGate.of(channel).open(ReadGate.UNSENT_RESPONSES);
            } else {
                ReadGate.of(channel).close(ReadGate.UNSENT_RESPONSES);
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    void observer(RequestObserver observer) {
        this.observer = observer == null ? RequestObserver.NONE : observer;
    }

    long pendingRequestBytes() {
        return pending.bytes();
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
        Taken taken = submit(channel, command);
        if (taken == Taken.YES) {
            return;
        }
        if (command.isOneway() || taken == Taken.CONNECTION_FULL) {
            // A oneway sender never reads a SYSTEM_BUSY answer, and a connection at its bound is the one
            // to slow down, not to refuse: hold its requests back until they can be queued.
            ChannelBackPressure.holdBack(ctx.channel(), command, waiting -> submit(channel, waiting) == Taken.YES);
            return;
        }
        String full = taken == Taken.PORT_FULL
                ? "the server holds its bound of request bytes"
                : "the " + RequestCode.nameOf(command.code()) + " queue is full";
        answer(
                channel,
                command,
                RemotingCommand.responseTo(command, ResponseCode.SYSTEM_BUSY)
                        .remark("[OVERLOAD] " + full + ", try another broker or later")
                        .build());
    }

    private enum Taken {
        YES,
        EXECUTOR_FULL,
        PORT_FULL,
        CONNECTION_FULL
    }

    /**
     * Queues a request on its processor's executor, unless the executor is full, the connection has its
     * bound of requests (or their bytes) queued or running, or the port its bound of request bytes. A code nobody handles is answered here and counts as taken.
     */
    private Taken submit(NettyRemotingChannel channel, RemotingCommand command) {
        ProcessorRegistry.Registration registration = processors.lookup(command.code());
        if (registration == null) {
            log.debug("{} from {} is not supported", RequestCode.nameOf(command.code()), channel);
            answer(
                    channel,
                    command,
                    RemotingCommand.responseTo(command, ResponseCode.REQUEST_CODE_NOT_SUPPORTED)
                            .remark(" request type " + command.code() + " not supported")
                            .build());
            return Taken.YES;
        }
        if (pauseOnUnsentResponses && !channel.nettyChannel().isWritable()) {
            // Requests already read must not pile up more responses the peer is not reading.
            return Taken.CONNECTION_FULL;
        }
        Channel nettyChannel = channel.nettyChannel();
        switch (pending.admit(nettyChannel, command)) {
            case CONNECTION_FULL:
                return Taken.CONNECTION_FULL;
            case PORT_FULL:
                return Taken.PORT_FULL;
            case TAKEN:
                break;
        }
        try {
            registration.executor().execute(() -> {
                try {
                    if (answerCannotArrive(channel, command)) {
                        skipped(channel, command);
                    } else {
                        process(registration, channel, command);
                    }
                } finally {
                    pending.release(nettyChannel, command);
                }
            });
            return Taken.YES;
        } catch (RejectedExecutionException e) {
            pending.release(nettyChannel, command);
            return Taken.EXECUTOR_FULL;
        }
    }

    /**
     * A request that expects an answer, from a connection that closed while it waited in the queue: its
     * sender has already been told the call failed (and may have retried elsewhere), so running it would
     * only spend the queue a flood of reconnecting peers needs, and could store a send twice. Oneway
     * requests still run: their senders were promised nothing and will not try again.
     */
    private static boolean answerCannotArrive(NettyRemotingChannel channel, RemotingCommand command) {
        return !command.isOneway() && !channel.isActive();
    }

    private void skipped(NettyRemotingChannel channel, RemotingCommand command) {
        failures.info(
                "skipped: connection closed",
                "skipped {} from {}: the connection closed before it was processed",
                RequestCode.nameOf(command.code()),
                channel);
        observer.onRequestProcessed(command.code(), RequestObserver.SKIPPED, 0);
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
