package io.couriermq.client.producer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.client.route.TopicRoute;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One send from route lookup to answer: pick a queue, send to its broker's master, and on a retriable
 * failure try again on another broker while retries and the send timeout last. Asynchronous throughout;
 * the sync API waits on the returned future.
 */
public final class SendPipeline {
    private final BrokerRpc brokers;
    private final PublishTargets targets;
    private final QueueChooser chooser;
    private final FaultTracker faults;
    private final ProducerObserver observer;
    private final Clock clock;
    private final int retries;

    public SendPipeline(
            BrokerRpc brokers,
            PublishTargets targets,
            QueueChooser chooser,
            FaultTracker faults,
            ProducerObserver observer,
            Clock clock,
            int retries) {
        this.brokers = brokers;
        this.targets = targets;
        this.chooser = chooser;
        this.faults = faults;
        this.observer = observer;
        this.clock = clock;
        this.retries = retries;
    }

    /** What one send needs: the message (for observers), its ids, how to build the request for a queue. */
    public record Send(
            OutgoingMessage message,
            String uniqueKeys,
            Function<MessageQueue, RemotingCommand> request,
            BiFunction<List<MessageQueue>, OutgoingMessage, MessageQueue> fixedQueue) {

        boolean mayChangeQueue() {
            return fixedQueue == null;
        }
    }

    /**
     * Sends within {@code timeoutMs}: the whole send, route lookup included, fails (retriable) by then,
     * so a caller who gives a call less than the request timeout is not held by a NameServer or broker
     * that does not answer.
     */
    public CompletableFuture<SendResult> send(Send send, long timeoutMs) {
        long deadlineNanos = clock.nanos() + timeoutMs * 1_000_000L;
        String topic = send.message().topic();
        return targets.route(topic)
                .thenCompose(route -> attempt(send, route, 1, null, deadlineNanos))
                .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    Throwable cause = BrokerRpc.unwrap(failure);
                    return CompletableFuture.failedFuture(
                            cause instanceof TimeoutException
                                    ? new ClientException(
                                            "send to " + topic + " timed out after " + timeoutMs + " ms",
                                            -1,
                                            true,
                                            cause)
                                    : cause);
                });
    }

    /** Sends without waiting for an answer (no retry: there is nothing to judge a failure by). */
    public CompletableFuture<Void> sendOneway(Send send) {
        String topic = send.message().topic();
        return targets.route(topic).thenCompose(route -> {
            MessageQueue queue = choose(send, route, null);
            return brokers.oneway(address(route, queue), send.request().apply(queue));
        });
    }

    private CompletableFuture<SendResult> attempt(
            Send send, TopicRoute route, int attempt, String lastBroker, long deadlineNanos) {
        MessageQueue queue = choose(send, route, lastBroker);
        long remainingMs = (deadlineNanos - clock.nanos()) / 1_000_000L;
        if (remainingMs <= 0) {
            return CompletableFuture.failedFuture(new ClientException(
                    "send to " + send.message().topic() + " timed out after " + (attempt - 1) + " attempt(s)",
                    -1,
                    true));
        }
        long started = clock.nanos();
        String address;
        try {
            address = address(route, queue);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        return brokers.invoke(address, send.request().apply(queue), remainingMs)
                .thenApply(response -> result(response, send, queue, attempt, address))
                .handle((result, failure) -> {
                    long latency = clock.nanos() - started;
                    if (failure == null) {
                        faults.onAnswered(queue.brokerName(), latency / 1_000_000L);
                        observer.onSendSucceeded(send.message(), queue.brokerName(), result, latency);
                        return CompletableFuture.completedFuture(result);
                    }
                    ClientException error = BrokerRpc.asClientException(failure);
                    faults.onFailed(queue.brokerName());
                    boolean retry = error.isRetriable()
                            && send.mayChangeQueue()
                            && attempt <= retries
                            && clock.nanos() < deadlineNanos;
                    observer.onSendFailed(send.message(), queue.brokerName(), error, latency, retry);
                    if (!retry) {
                        return CompletableFuture.<SendResult>failedFuture(error);
                    }
                    targets.refresh(send.message().topic());
                    return attempt(send, route, attempt + 1, queue.brokerName(), deadlineNanos);
                })
                .thenCompose(next -> next);
    }

    private MessageQueue choose(Send send, TopicRoute route, String lastBroker) {
        if (send.fixedQueue() != null) {
            MessageQueue chosen = send.fixedQueue().apply(route.writeQueues(), send.message());
            if (chosen == null) {
                throw new ClientException("the queue selector chose no queue for " + send.message(), -1, false);
            }
            return chosen;
        }
        return chooser.choose(send.message().topic(), route.writeQueues(), lastBroker);
    }

    private static String address(TopicRoute route, MessageQueue queue) {
        String address = route.masterAddress(queue.brokerName());
        if (address == null) {
            throw new ClientException(
                    "broker " + queue.brokerName() + " of " + queue.topic() + " has no live master",
                    ResponseCode.SERVICE_NOT_AVAILABLE.code(),
                    true);
        }
        return address;
    }

    private static SendResult result(
            RemotingCommand response, Send send, MessageQueue queue, int attempt, String address) {
        SendStatus status = SendStatus.ofResponseCode(response.code());
        if (status == null) {
            throw new ClientException(
                    "send to " + queue.topic() + " on " + queue.brokerName() + " (" + address + "): "
                            + ResponseCode.nameOf(response.code()) + " " + response.remark(),
                    response.code(),
                    BrokerRpc.isRetriable(response.code()));
        }
        SendMessageResponseHeader header = response.decodeHeader(SendMessageResponseHeader::decode);
        return new SendResult(
                status,
                send.uniqueKeys(),
                header.msgId(),
                new MessageQueue(queue.topic(), queue.brokerName(), header.queueId()),
                header.queueOffset(),
                header.transactionId(),
                attempt);
    }
}
