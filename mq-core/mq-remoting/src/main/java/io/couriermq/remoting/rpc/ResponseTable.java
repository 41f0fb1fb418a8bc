package io.couriermq.remoting.rpc;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests sent and not yet answered, by opaque. A response completes its request's future; a closed
 * connection or a shutdown fails every request still waiting on it, so no caller waits for nothing.
 */
public final class ResponseTable {
    private static final Logger log = LoggerFactory.getLogger(ResponseTable.class);

    private record Pending(RemotingChannel channel, int requestCode, CompletableFuture<RemotingCommand> future) {}

    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    /** Registers a request before it is written; the returned future completes with its response. */
    public CompletableFuture<RemotingCommand> register(RemotingChannel channel, RemotingCommand request) {
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        Pending previous = pending.putIfAbsent(request.opaque(), new Pending(channel, request.code(), future));
        if (previous != null) {
            throw new IllegalStateException("opaque " + request.opaque() + " is already waiting for a response");
        }
        future.whenComplete((response, failure) -> pending.remove(request.opaque()));
        return future;
    }

    /** Hands a response to whoever waits for it; a response nobody waits for is logged and dropped. */
    public void complete(RemotingCommand response) {
        Pending waiting = pending.get(response.opaque());
        if (waiting == null) {
            log.debug("dropping a response nobody waits for (timed out or unknown): {}", response);
            return;
        }
        waiting.future.complete(response);
    }

    /** Fails one request, e.g. on timeout or when its write failed. */
    public void fail(int opaque, RemotingException cause) {
        Pending waiting = pending.get(opaque);
        if (waiting != null) {
            waiting.future.completeExceptionally(cause);
        }
    }

    /** Fails every request that waits on {@code channel}: its connection is gone. */
    public void failChannel(RemotingChannel channel) {
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending waiting = it.next();
            if (waiting.channel == channel) {
                waiting.future.completeExceptionally(new RemotingException("connection to " + channel.remoteAddress()
                        + " closed before the response to " + RequestCode.nameOf(waiting.requestCode) + " arrived"));
            }
        }
    }

    public void failAll(String reason) {
        for (Pending waiting : pending.values()) {
            waiting.future.completeExceptionally(new RemotingException(
                    reason + " before the response to " + RequestCode.nameOf(waiting.requestCode) + " arrived"));
        }
    }

    public int size() {
        return pending.size();
    }
}
