package io.couriermq.client.internal;

import io.couriermq.client.ClientException;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to brokers with failures turned into {@link ClientException}s that say whether a retry may
 * help: timeouts and unreachable brokers are retriable, everything the broker refused is judged by its
 * response code. A request that failed because its connection did (a refused connect, a connection
 * closed before the answer; not a timeout) is reported to the unreachable-broker listener, which
 * refreshes the routes that use that broker.
 */
public final class BrokerRpc {
    private static final Logger log = LoggerFactory.getLogger(BrokerRpc.class);

    private final NettyRemotingClient remoting;
    private final long defaultTimeoutMs;
    private final Consumer<String> unreachable;

    public BrokerRpc(NettyRemotingClient remoting, long defaultTimeoutMs) {
        this(remoting, defaultTimeoutMs, address -> {});
    }

    /** @param unreachable told the address of a broker a request could not reach or lost the connection to */
    public BrokerRpc(NettyRemotingClient remoting, long defaultTimeoutMs, Consumer<String> unreachable) {
        this.remoting = remoting;
        this.defaultTimeoutMs = defaultTimeoutMs;
        this.unreachable = unreachable;
    }

    public long defaultTimeoutMs() {
        return defaultTimeoutMs;
    }

    /** The broker's answer, whatever its code; fails only when no answer came. */
    public CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request, long timeoutMs) {
        return remoting.invokeAsync(address, request, timeoutMs)
                .exceptionallyCompose(failure -> failed(address, request, failure));
    }

    /** The broker's answer when it is SUCCESS; any other code fails the future with that code. */
    public CompletableFuture<RemotingCommand> invokeExpectingSuccess(
            String address, RemotingCommand request, long timeoutMs) {
        return invoke(address, request, timeoutMs).thenApply(response -> requireSuccess(address, request, response));
    }

    /** Sync form of {@link #invokeExpectingSuccess} with the default timeout. */
    public RemotingCommand call(String address, RemotingCommand request) {
        return join(invokeExpectingSuccess(address, request, defaultTimeoutMs));
    }

    public CompletableFuture<Void> oneway(String address, RemotingCommand request) {
        return remoting.invokeOneway(address, request)
                .exceptionallyCompose(failure -> failed(address, request, failure));
    }

    /** Waits for {@code future}, rethrowing its failure as the {@link ClientException} it holds. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw asClientException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", -1, false, e);
        }
    }

    public static ClientException asClientException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ClientException client) {
            return client;
        }
        return new ClientException(String.valueOf(cause.getMessage()), -1, true, cause);
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RemotingCommand requireSuccess(String address, RemotingCommand request, RemotingCommand response) {
        if (response.code() == ResponseCode.SUCCESS.code()) {
            return response;
        }
        throw new ClientException(
                RequestCode.nameOf(request.code()) + " to " + address + ": " + ResponseCode.nameOf(response.code())
                        + (response.remark() == null ? "" : " " + response.remark()),
                response.code(),
                isRetriable(response.code()));
    }

    /** Codes after which the same request may succeed at another moment or on another broker. */
    public static boolean isRetriable(int code) {
        return code == ResponseCode.SYSTEM_BUSY.code()
                || code == ResponseCode.SYSTEM_ERROR.code()
                || code == ResponseCode.SERVICE_NOT_AVAILABLE.code()
                || code == ResponseCode.TOPIC_NOT_EXIST.code()
                || code == ResponseCode.NO_PERMISSION.code()
                || code == ResponseCode.FLUSH_DISK_TIMEOUT.code()
                || code == ResponseCode.SLAVE_NOT_AVAILABLE.code()
                || code == ResponseCode.FLUSH_SLAVE_TIMEOUT.code();
    }

    private <T> CompletableFuture<T> failed(String address, RemotingCommand request, Throwable failure) {
        if (isConnectionFailure(unwrap(failure))) {
            try {
                unreachable.accept(address);
            } catch (RuntimeException e) {
                // the request's own failure is what the caller must see
                log.debug("unreachable-broker listener failed for {}", address, e);
            }
        }
        return CompletableFuture.failedFuture(transportFailure(address, request.code(), failure));
    }

    /** A refused or lost connection; a timeout says nothing about the connection. */
    static boolean isConnectionFailure(Throwable cause) {
        return cause instanceof RemotingException && !(cause instanceof RemotingTimeoutException);
    }

    private static ClientException transportFailure(String address, int code, Throwable failure) {
        Throwable cause = unwrap(failure);
        String what = RequestCode.nameOf(code) + " to " + address;
        if (cause instanceof RemotingTimeoutException) {
            return new ClientException(what + " timed out", -1, true, cause);
        }
        if (cause instanceof RemotingConnectException) {
            return new ClientException(what + ": broker unreachable: " + cause.getMessage(), -1, true, cause);
        }
        return new ClientException(what + " failed: " + cause.getMessage(), -1, true, cause);
    }
}
