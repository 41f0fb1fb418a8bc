package io.couriermq.spring.core;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.MessageQueueSelector;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.TransactionSendResult;
import io.couriermq.spring.support.MQDestination;
import io.couriermq.spring.support.MQMessageConverter;
import io.couriermq.spring.support.MQMessageMapper;
import io.couriermq.spring.support.MQProducers;
import io.couriermq.spring.support.SendObservation;
import io.couriermq.spring.support.TransactionListenerAdapter;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.core.AbstractMessageSendingTemplate;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends messages from a Spring application: sync, async (futures or callbacks), oneway, ordered by a hash
 * key, delayed (levels, seconds, an exact time), batched, transactional and request-reply. A destination
 * is {@code topic} or {@code topic:tag}; a payload is any object (converted: {@code byte[]} as is, {@code
 * String} as UTF-8, others as JSON) or a Spring {@link Message} whose {@link MQHeaders} set keys, tags and
 * delays and whose other simple headers travel as user properties.
 *
 * <p>Futures and callbacks complete on the template's callback executor, never on the client's I/O
 * threads, so they may block. Client failures are rethrown as {@link MessagingException}s with the
 * client's exception as cause. The inherited {@code convertAndSend}/{@code send} are blocking sends.
 */
public class MQTemplate extends AbstractMessageSendingTemplate<String> {
    private final MQProducers producers;
    private final MQMessageConverter converter;
    private final Executor callbackExecutor;
    private final SendObservation observation;

    public MQTemplate(
            MQProducers producers,
            MQMessageConverter converter,
            Executor callbackExecutor,
            SendObservation observation) {
        this.producers = producers;
        this.converter = converter;
        this.callbackExecutor = callbackExecutor;
        this.observation = observation;
        setMessageConverter(converter);
    }

    /** The default group's producer, for what the template does not offer. */
    public Producer getProducer() {
        return producers.defaultProducer();
    }

    // ---- sync

    public SendResult syncSend(String destination, Object payload) {
        return syncSend(destination, payload, defaultTimeoutMs());
    }

    public SendResult syncSend(String destination, Object payload, long timeoutMs) {
        OutgoingMessage message = toOutgoing(destination, payload);
        return await(destination, observed(message, m -> producer().sendAsync(m, timeoutMs)));
    }

    /** A sync send at {@code delayLevel} (1..18; 0 for none). */
    public SendResult syncSend(String destination, Message<?> message, long timeoutMs, int delayLevel) {
        return syncSend(destination, withHeader(message, MQHeaders.DELAY_LEVEL, delayLevel), timeoutMs);
    }

    /** Sends {@code messages} (one topic) as batches of at most the batch size; one result per batch. */
    public List<SendResult> syncSend(String destination, Collection<? extends Message<?>> messages) {
        return syncSend(destination, messages, defaultTimeoutMs());
    }

    public List<SendResult> syncSend(String destination, Collection<? extends Message<?>> messages, long timeoutMs) {
        List<OutgoingMessage> batch = toBatch(destination, messages);
        return call(destination, () -> producer().send(batch, timeoutMs));
    }

    public SendResult syncSendOrderly(String destination, Object payload, String hashKey) {
        return syncSendOrderly(destination, payload, hashKey, defaultTimeoutMs());
    }

    /** Messages with the same {@code hashKey} go to the same queue, so an orderly listener sees them in order. */
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey, long timeoutMs) {
        OutgoingMessage message = toOutgoing(destination, payload);
        return await(destination, observed(message, m -> producer().sendAsync(m, byHash(), hashKey, timeoutMs)));
    }

    /** Delivered {@code seconds} after the broker stores it (the broker's timer). */
    public SendResult syncSendDelayTimeSeconds(String destination, Object payload, long seconds) {
        return syncSend(
                destination, withHeaders(payload, Map.of(MQHeaders.DELAY_SECONDS, Duration.ofSeconds(seconds))));
    }

    /** Delivered {@code millis} after the broker stores it. */
    public SendResult syncSendDelayTimeMills(String destination, Object payload, long millis) {
        return syncSend(destination, withHeaders(payload, Map.of(MQHeaders.DELAY_SECONDS, Duration.ofMillis(millis))));
    }

    /** Delivered at {@code epochMillis}. */
    public SendResult syncSendDeliverTimeMills(String destination, Object payload, long epochMillis) {
        return syncSend(destination, withHeaders(payload, Map.of(MQHeaders.DELIVER_AT, epochMillis)));
    }

    // ---- async

    public CompletableFuture<SendResult> asyncSend(String destination, Object payload) {
        return asyncSend(destination, payload, defaultTimeoutMs());
    }

    public CompletableFuture<SendResult> asyncSend(String destination, Object payload, long timeoutMs) {
        OutgoingMessage message = toOutgoing(destination, payload);
        return completeOffIo(destination, observed(message, m -> producer().sendAsync(m, timeoutMs)));
    }

    public void asyncSend(String destination, Object payload, MQSendCallback callback) {
        whenDone(asyncSend(destination, payload), callback);
    }

    public void asyncSend(String destination, Object payload, MQSendCallback callback, long timeoutMs) {
        whenDone(asyncSend(destination, payload, timeoutMs), callback);
    }

    /** An async batch: the parts are sent one after another; the first failure fails the future. */
    public CompletableFuture<List<SendResult>> asyncSend(
            String destination, Collection<? extends Message<?>> messages) {
        List<OutgoingMessage> batch = toBatch(destination, messages);
        return completeOffIo(destination, start(() -> producer().sendAsync(batch)));
    }

    public CompletableFuture<SendResult> asyncSendOrderly(String destination, Object payload, String hashKey) {
        return asyncSendOrderly(destination, payload, hashKey, defaultTimeoutMs());
    }

    public CompletableFuture<SendResult> asyncSendOrderly(
            String destination, Object payload, String hashKey, long timeoutMs) {
        OutgoingMessage message = toOutgoing(destination, payload);
        return completeOffIo(
                destination, observed(message, m -> producer().sendAsync(m, byHash(), hashKey, timeoutMs)));
    }

    public void asyncSendOrderly(String destination, Object payload, String hashKey, MQSendCallback callback) {
        whenDone(asyncSendOrderly(destination, payload, hashKey), callback);
    }

    // ---- oneway

    /** Sends without waiting for the broker's answer: the fastest send, and the only one that may be lost. */
    public void sendOneWay(String destination, Object payload) {
        OutgoingMessage message = toOutgoing(destination, payload);
        call(destination, () -> producer().sendOneway(message).join());
    }

    public void sendOneWayOrderly(String destination, Object payload, String hashKey) {
        OutgoingMessage message = toOutgoing(destination, payload);
        call(
                destination,
                () -> producer().sendOneway(message, byHash(), hashKey).join());
    }

    // ---- transactions

    /** A transactional send in {@code courier.producer.group}, whose transaction listener runs the local part. */
    public TransactionSendResult sendMessageInTransaction(String destination, Message<?> message, Object arg) {
        return sendMessageInTransaction(producers.defaultGroup(), destination, message, arg);
    }

    /** A transactional send in {@code producerGroup}; that group's {@code @MQTransactionListener} runs the local part. */
    public TransactionSendResult sendMessageInTransaction(
            String producerGroup, String destination, Message<?> message, Object arg) {
        var producer = producers.transactional(producerGroup);
        OutgoingMessage outgoing = toOutgoing(destination, message);
        return call(
                destination,
                () -> producer.sendInTransaction(outgoing, new TransactionListenerAdapter.Invocation(message, arg)));
    }

    // ---- request-reply

    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType) {
        return sendAndReceive(destination, payload, replyType, defaultTimeoutMs());
    }

    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, long timeoutMs) {
        return replyTypeCast(sendAndReceive(destination, payload, (Type) replyType, timeoutMs));
    }

    /** Sends a request and waits for the reply, read as {@code replyType} (may be generic). */
    public <T> T sendAndReceive(String destination, Object payload, Type replyType) {
        return sendAndReceive(destination, payload, replyType, defaultTimeoutMs());
    }

    public <T> T sendAndReceive(String destination, Object payload, Type replyType, long timeoutMs) {
        return await(destination, sendAndReceiveAsync(destination, payload, replyType, timeoutMs));
    }

    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Type replyType) {
        return sendAndReceiveAsync(destination, payload, replyType, defaultTimeoutMs());
    }

    /** The reply as a future, completed off the I/O threads; fails when none comes within {@code timeoutMs}. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> sendAndReceiveAsync(
            String destination, Object payload, Type replyType, long timeoutMs) {
        OutgoingMessage message = toOutgoing(destination, payload);
        CompletableFuture<ReceivedMessage> reply = start(() -> producer().request(message, timeoutMs));
        return completeOffIo(
                destination, reply.thenApply(received -> (T) converter.fromBody(received.body(), replyType)));
    }

    // ---- AbstractMessageSendingTemplate

    /** The inherited {@code send}/{@code convertAndSend} methods end here: a blocking send. */
    @Override
    protected void doSend(String destination, Message<?> message) {
        syncSend(destination, message);
    }

    // ---- helpers

    private Producer producer() {
        return producers.defaultProducer();
    }

    private long defaultTimeoutMs() {
        return producer().config().sendTimeoutMs();
    }

    private OutgoingMessage toOutgoing(String destination, Object payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (destination " + destination + ")");
        }
        MQDestination target = MQDestination.parse(destination);
        Message<?> message = payload instanceof Message<?> m
                ? m
                : MessageBuilder.withPayload(payload).build();
        byte[] body = converter.toBody(message.getPayload());
        try {
            return MQMessageMapper.toOutgoing(target, body, message.getHeaders());
        } catch (IllegalArgumentException e) {
            throw new MessagingException(message, "cannot send to " + destination + ": " + e.getMessage(), e);
        }
    }

    private List<OutgoingMessage> toBatch(String destination, Collection<? extends Message<?>> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message (destination " + destination + ")");
        }
        List<OutgoingMessage> batch = new ArrayList<>(messages.size());
        for (Message<?> message : messages) {
            batch.add(toOutgoing(destination, message));
        }
        return batch;
    }

    private static Message<?> withHeader(Message<?> message, String name, Object value) {
        return MessageBuilder.fromMessage(message).setHeader(name, value).build();
    }

    private static Object withHeaders(Object payload, Map<String, Object> headers) {
        Message<?> message = payload instanceof Message<?> m
                ? m
                : MessageBuilder.withPayload(payload).build();
        return MessageBuilder.fromMessage(message).copyHeaders(headers).build();
    }

    private static MessageQueueSelector byHash() {
        return MessageQueueSelector.byHashOfArgument();
    }

    /** A send wrapped in the observation (which may add trace context to the message first). */
    private CompletableFuture<SendResult> observed(
            OutgoingMessage message, Function<OutgoingMessage, CompletableFuture<SendResult>> send) {
        SendObservation.Started started = observation.start(message);
        return start(() -> send.apply(started.message()))
                .whenComplete((result, failure) -> started.onEnd().accept(failure));
    }

    /** Waits for a send, rethrowing its failure as a MessagingException. */
    private static <T> T await(String destination, CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted sending to " + destination, e);
        } catch (ExecutionException e) {
            throw asMessagingException(destination, e.getCause());
        }
    }

    /** Runs {@code send}, turning a synchronous throw into a failed future. */
    private static <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A future completed on the callback executor, with client failures as MessagingExceptions. */
    private <T> CompletableFuture<T> completeOffIo(String destination, CompletableFuture<T> source) {
        CompletableFuture<T> result = new CompletableFuture<>();
        source.whenCompleteAsync(
                (value, failure) -> {
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(asMessagingException(destination, failure));
                    }
                },
                callbackExecutor);
        return result;
    }

    private static void whenDone(CompletableFuture<SendResult> future, MQSendCallback callback) {
        future.whenComplete((result, failure) -> {
            if (failure == null) {
                callback.onSuccess(result);
            } else {
                callback.onException(
                        failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            }
        });
    }

    private static <T> T call(String destination, java.util.function.Supplier<T> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            throw asMessagingException(destination, e);
        }
    }

    private static void call(String destination, Runnable send) {
        call(destination, () -> {
            send.run();
            return null;
        });
    }

    static MessagingException asMessagingException(String destination, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MessagingException messaging) {
            return messaging;
        }
        String detail = cause instanceof ClientException client
                ? client.getMessage() + (client.isRetriable() ? " (retriable)" : "")
                : String.valueOf(cause.getMessage());
        return new MessagingException("send to " + destination + " failed: " + detail, cause);
    }

    @SuppressWarnings("unchecked")
    private static <T> T replyTypeCast(Object value) {
        return (T) value;
    }
}
