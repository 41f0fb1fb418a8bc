package io.couriermq.client.route;

import io.couriermq.client.ClientException;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the NameServers with failover: the one that answered last is asked first; when it
 * cannot be reached or times out, the next in the list is asked at once, each at most once per request.
 * (The official client sticks to one NameServer until its connection breaks, and each timeout in between
 * costs a full request timeout.)
 */
public final class NameServerClient {
    private static final Logger log = LoggerFactory.getLogger(NameServerClient.class);

    private final NettyRemotingClient remoting;
    private final List<String> addresses;
    private final long timeoutMs;
    private final AtomicInteger preferred = new AtomicInteger();

    public NameServerClient(NettyRemotingClient remoting, List<String> addresses, long timeoutMs) {
        this.remoting = remoting;
        this.addresses = List.copyOf(addresses);
        this.timeoutMs = timeoutMs;
    }

    /** Sends the request built by {@code request} (a fresh command per attempt) and returns the answer. */
    public CompletableFuture<RemotingCommand> invoke(Supplier<RemotingCommand> request) {
        int first = preferred.get();
        return attempt(request, first, 0, null);
    }

    private CompletableFuture<RemotingCommand> attempt(
            Supplier<RemotingCommand> request, int start, int tried, Throwable lastFailure) {
        if (tried == addresses.size()) {
            RemotingCommand sample = request.get();
            return CompletableFuture.failedFuture(new ClientException(
                    RequestCode.nameOf(sample.code()) + ": no NameServer of " + addresses + " answered: "
                            + describe(lastFailure),
                    -1,
                    true,
                    lastFailure));
        }
        int index = (start + tried) % addresses.size();
        String address = addresses.get(index);
        return remoting.invokeAsync(address, request.get(), timeoutMs)
                .handle((response, failure) -> {
                    if (failure == null) {
                        preferred.set(index);
                        return CompletableFuture.completedFuture(response);
                    }
                    log.warn("NameServer {} failed ({}); trying the next one", address, describe(failure));
                    return attempt(request, start, tried + 1, failure);
                })
                .thenCompose(next -> next);
    }

    private static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause == null ? "no attempt" : String.valueOf(cause.getMessage());
    }
}
