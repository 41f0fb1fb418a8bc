package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.remoting.rpc.ResponseTable;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.Timeout;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;

/** A Netty channel as a {@link RemotingChannel}; one per connection, kept as a channel attribute. */
final class NettyRemotingChannel implements RemotingChannel {
    private static final AttributeKey<NettyRemotingChannel> KEY = AttributeKey.valueOf("courier.remotingChannel");

    private final Channel channel;
    private final RemotingChannels shared;
    private final ResponseTable responses;
    private final String remoteAddress;

    private NettyRemotingChannel(Channel channel, RemotingChannels shared) {
        this.channel = channel;
        this.shared = shared;
        this.responses = shared.responses();
        this.remoteAddress = format(channel.remoteAddress());
    }

    /** The wrapper of {@code channel}, created on first use. */
    static NettyRemotingChannel of(Channel channel, RemotingChannels shared) {
        NettyRemotingChannel existing = channel.attr(KEY).get();
        if (existing != null) {
            return existing;
        }
        NettyRemotingChannel created = new NettyRemotingChannel(channel, shared);
        existing = channel.attr(KEY).setIfAbsent(created);
        return existing != null ? existing : created;
    }

    Channel nettyChannel() {
        return channel;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand unsent, long timeoutMs) {
        RemotingCommand request = shared.outbound(unsent);
        CompletableFuture<RemotingCommand> response = responses.register(this, request);
        Timeout timeout;
        try {
            timeout =
                    shared.onDeadline(() -> responses.fail(request.opaque(), timeoutOf(request, timeoutMs)), timeoutMs);
        } catch (RemotingException closed) {
            responses.fail(request.opaque(), closed);
            return response;
        }
        response.whenComplete((ignored, failure) -> timeout.cancel());
        channel.writeAndFlush(request).addListener(write -> {
            if (!write.isSuccess()) {
                responses.fail(
                        request.opaque(),
                        new RemotingException(
                                "could not send " + RequestCode.nameOf(request.code()) + " to " + remoteAddress,
                                write.cause()));
            }
        });
        return response;
    }

    @Override
    public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        RemotingCommand oneway = shared.outbound(request.isOneway() ? request : request.asOneway());
        channel.writeAndFlush(oneway).addListener(write -> {
            if (write.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(new RemotingException(
                        "could not send " + RequestCode.nameOf(request.code()) + " to " + remoteAddress,
                        write.cause()));
            }
        });
        return written;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return remoteAddress;
    }

    private RemotingTimeoutException timeoutOf(RemotingCommand request, long timeoutMs) {
        return new RemotingTimeoutException("no response to " + RequestCode.nameOf(request.code()) + " from "
                + remoteAddress + " within " + timeoutMs + " ms");
    }

    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
