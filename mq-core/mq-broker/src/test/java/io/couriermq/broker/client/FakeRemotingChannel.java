package io.couriermq.broker.client;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A connection without a socket: records what the broker sends on it and answers calls as told. */
public final class FakeRemotingChannel implements RemotingChannel {
    private final String remoteAddress;
    private final List<RemotingCommand> oneways = new CopyOnWriteArrayList<>();
    private final List<RemotingCommand> invoked = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;
    private volatile Function<RemotingCommand, CompletableFuture<RemotingCommand>> answers =
            request -> new CompletableFuture<>();

    public FakeRemotingChannel(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    /** How calls made on this channel are answered. */
    public void answerWith(Function<RemotingCommand, CompletableFuture<RemotingCommand>> answers) {
        this.answers = answers;
    }

    public List<RemotingCommand> oneways() {
        return oneways;
    }

    public List<RemotingCommand> invoked() {
        return invoked;
    }

    public void clearSent() {
        oneways.clear();
        invoked.clear();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
        invoked.add(request);
        return answers.apply(request);
    }

    @Override
    public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
        oneways.add(request.isOneway() ? request : request.asOneway());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        active = false;
    }

    @Override
    public String toString() {
        return remoteAddress;
    }
}
