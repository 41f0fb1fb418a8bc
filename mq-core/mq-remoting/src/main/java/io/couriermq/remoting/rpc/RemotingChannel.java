package io.couriermq.remoting.rpc;

import io.couriermq.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/**
 * One connection, seen from either end. A server uses it to call back the client on the same TCP
 * connection (transaction checks, consumer notifications); a client uses it for its own calls.
 */
public interface RemotingChannel {

    /** The peer as "ip:port". */
    String remoteAddress();

    boolean isActive();

    /** Sends a request and completes with the peer's response, or exceptionally with a {@link RemotingException}. */
    CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs);

    /** Sends a request marked oneway; completes when written, no response is expected. */
    CompletableFuture<Void> invokeOneway(RemotingCommand request);

    void close();
}
