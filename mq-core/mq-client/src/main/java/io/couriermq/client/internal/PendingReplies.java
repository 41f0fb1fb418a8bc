package io.couriermq.client.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.ReceivedMessage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests waiting for their reply, by correlation id. A reply the broker pushes completes its request;
 * a request whose timeout passes fails with a {@link ClientException} and is forgotten, so a late reply
 * is only logged.
 */
public final class PendingReplies {
    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);

    private final Map<String, CompletableFuture<ReceivedMessage>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<ReceivedMessage> register(String correlationId, long timeoutMs) {
        CompletableFuture<ReceivedMessage> reply = new CompletableFuture<>();
        waiting.put(correlationId, reply);
        return reply.orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof TimeoutException
                                ? new ClientException(
                                        "no reply to request " + correlationId + " within " + timeoutMs + " ms",
                                        -1,
                                        true,
                                        failure)
                                : failure))
                .whenComplete((message, failure) -> waiting.remove(correlationId, reply));
    }

    /** Fails a request whose sending failed. */
    public void fail(String correlationId, Throwable failure) {
        CompletableFuture<ReceivedMessage> reply = waiting.remove(correlationId);
        if (reply != null) {
            reply.completeExceptionally(failure);
        }
    }

    void complete(String correlationId, ReceivedMessage message) {
        CompletableFuture<ReceivedMessage> reply = correlationId == null ? null : waiting.remove(correlationId);
        if (reply == null) {
            log.warn("a reply for request {} arrived, but no request waits for it (timed out?)", correlationId);
            return;
        }
        reply.complete(message);
    }

    public int size() {
        return waiting.size();
    }
}
