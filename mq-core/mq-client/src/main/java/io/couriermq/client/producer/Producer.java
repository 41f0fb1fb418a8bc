package io.couriermq.client.producer;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.internal.TransactionCheckHandler;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.internal.BatchSplitter;
import io.couriermq.client.producer.internal.FaultTracker;
import io.couriermq.client.producer.internal.InFlightLimiter;
import io.couriermq.client.producer.internal.PublishTargets;
import io.couriermq.client.producer.internal.QueueChooser;
import io.couriermq.client.producer.internal.SendPipeline;
import io.couriermq.client.producer.internal.SendRequests;
import io.couriermq.common.message.UniqueKeyGenerator;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages: sync ({@link #send}), async ({@link #sendAsync}, a future, with a bounded number in
 * flight), oneway, batches (split to the size limit), and ordered sends through a {@link
 * MessageQueueSelector} or a sharding key. Retriable failures are retried on another broker within the
 * send timeout; brokers that failed or were slow are avoided for a while. The sending methods also come
 * with a {@code timeoutMs} argument that replaces the configured send timeout for one call, for callers
 * whose own deadline is shorter. Thread-safe; one per group and runtime.
 */
public class Producer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Producer.class);

    private final ClientRuntime runtime;
    private final boolean ownsRuntime;
    private final ProducerConfig config;
    private final SendRequests requests;
    private final PublishTargets targets;
    private final SendPipeline pipeline;
    private final InFlightLimiter inFlight;
    private volatile boolean closed;

    protected Producer(
            ClientRuntime runtime,
            boolean ownsRuntime,
            ProducerConfig config,
            ProducerObserver observer,
            TransactionCheckHandler checks) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.config = config;
        this.requests = new SendRequests(config, idGenerator(runtime), runtime.clock());
        FaultTracker faults = new FaultTracker(runtime.clock());
        this.targets = new PublishTargets(runtime.routes(), config.defaultTopicQueues());
        this.pipeline = new SendPipeline(
                runtime.brokers(),
                targets,
                new QueueChooser(faults, config.faultAvoidance()),
                faults,
                observer,
                runtime.clock(),
                config.retries());
        this.inFlight = new InFlightLimiter(config.maxInFlight());
        runtime.members().addProducer(config.group(), checks);
    }

    /** A producer on a shared runtime (the caller closes the runtime). */
    public static Producer start(ClientRuntime runtime, ProducerConfig config) {
        return start(runtime, config, ProducerObserver.NONE);
    }

    public static Producer start(ClientRuntime runtime, ProducerConfig config, ProducerObserver observer) {
        return new Producer(runtime, false, config, observer, null);
    }

    /** A producer with its own runtime for {@code nameServers} ("host:port;host:port"), closed with it. */
    public static Producer start(String nameServers, ProducerConfig config) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(nameServers)
                .instanceName("producer-" + config.group() + "-"
                        + ProcessHandle.current().pid())
                .build());
        return new Producer(runtime, true, config, ProducerObserver.NONE, null);
    }

    public ProducerConfig config() {
        return config;
    }

    /** Sends and waits for the broker's answer, within the configured send timeout. */
    public SendResult send(OutgoingMessage message) {
        return send(message, config.sendTimeoutMs());
    }

    /**
     * Sends and waits for the broker's answer; {@code timeoutMs} replaces the configured send timeout for
     * this call (route lookup and retries included), for callers with a deadline of their own.
     */
    public SendResult send(OutgoingMessage message, long timeoutMs) {
        return BrokerRpc.join(dispatch(message, 0, null, null, positive(timeoutMs)));
    }

    /**
     * Sends without blocking on the answer. When {@code maxInFlight} sends are already waiting, this call
     * waits for a free slot (up to the send timeout) instead of queueing without bound.
     *
     * <p>The future completes on the client's I/O thread (or its timeout thread), so actions attached
     * with {@code thenAccept}, {@code whenComplete} and the like run there: keep them short, or attach them
     * with an executor ({@code whenCompleteAsync(action, executor)}) when they block.
     */
    public CompletableFuture<SendResult> sendAsync(OutgoingMessage message) {
        return sendAsync(message, config.sendTimeoutMs());
    }

    /**
     * {@link #sendAsync(OutgoingMessage)} with {@code timeoutMs} instead of the configured send timeout,
     * both for the wait for a free in-flight slot and for the send itself.
     */
    public CompletableFuture<SendResult> sendAsync(OutgoingMessage message, long timeoutMs) {
        positive(timeoutMs);
        ensureOpen();
        try {
            inFlight.acquire(timeoutMs);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<SendResult> result;
        try {
            result = dispatch(message, 0, null, null, timeoutMs);
        } catch (RuntimeException e) {
            inFlight.release();
            return CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((sent, failure) -> inFlight.release());
    }

    /** Sends without waiting for any answer; completes when the request is written. */
    public CompletableFuture<Void> sendOneway(OutgoingMessage message) {
        return oneway(message, null, null);
    }

    /**
     * Oneway to the queue {@code selector} picks (ordered fire-and-forget, e.g. logs per key); completes
     * when the request is written. A failure to reach the broker fails the future; the broker's answer,
     * if any, is never known.
     */
    public CompletableFuture<Void> sendOneway(OutgoingMessage message, MessageQueueSelector selector, Object argument) {
        return oneway(message, Objects.requireNonNull(selector, "selector"), argument);
    }

    /** Ordered send: {@code selector} picks the queue; no retry on another queue (it would break the order). */
    public SendResult send(OutgoingMessage message, MessageQueueSelector selector, Object argument) {
        return send(message, selector, argument, config.sendTimeoutMs());
    }

    /** Ordered send with {@code timeoutMs} instead of the configured send timeout. */
    public SendResult send(OutgoingMessage message, MessageQueueSelector selector, Object argument, long timeoutMs) {
        return BrokerRpc.join(sendAsync(message, selector, argument, timeoutMs));
    }

    public CompletableFuture<SendResult> sendAsync(
            OutgoingMessage message, MessageQueueSelector selector, Object argument) {
        return sendAsync(message, selector, argument, config.sendTimeoutMs());
    }

    /** Ordered async send with {@code timeoutMs} instead of the configured send timeout. */
    public CompletableFuture<SendResult> sendAsync(
            OutgoingMessage message, MessageQueueSelector selector, Object argument, long timeoutMs) {
        return dispatch(message, 0, selector, argument, positive(timeoutMs));
    }

    /** Ordered send by key: messages with the same key go to the same queue. */
    public SendResult sendOrderly(OutgoingMessage message, String shardingKey) {
        return send(message, MessageQueueSelector.byHashOfArgument(), shardingKey);
    }

    /**
     * Sends a batch (one topic, no delays), split into requests of at most {@code maxBatchBytes}; returns
     * one result per request, in order. A failed request fails the call; earlier requests stay sent.
     */
    public List<SendResult> send(List<OutgoingMessage> messages) {
        return send(messages, config.sendTimeoutMs());
    }

    /** {@link #send(List)} with {@code timeoutMs} instead of the configured send timeout for each request. */
    public List<SendResult> send(List<OutgoingMessage> messages, long timeoutMs) {
        positive(timeoutMs);
        ensureOpen();
        List<SendResult> results = new ArrayList<>();
        for (List<OutgoingMessage> part : BatchSplitter.split(messages, config.maxBatchBytes())) {
            results.add(BrokerRpc.join(sendBatch(part, null, null, timeoutMs)));
        }
        return results;
    }

    /**
     * {@link #send(List)} without blocking: the batch is split the same way and the requests go one
     * after another (each starts when the previous one succeeded, so the parts stay in order), the results
     * in order. The first failure fails the future; earlier requests stay sent, later ones are not made.
     * The batch takes one in-flight slot (see {@link #sendAsync(OutgoingMessage)}).
     */
    public CompletableFuture<List<SendResult>> sendAsync(List<OutgoingMessage> messages) {
        return sendAsync(messages, config.sendTimeoutMs());
    }

    /** {@link #sendAsync(List)} with {@code timeoutMs} instead of the configured send timeout for each request. */
    public CompletableFuture<List<SendResult>> sendAsync(List<OutgoingMessage> messages, long timeoutMs) {
        positive(timeoutMs);
        ensureOpen();
        List<List<OutgoingMessage>> parts;
        try {
            parts = BatchSplitter.split(messages, config.maxBatchBytes());
            inFlight.acquire(timeoutMs);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<SendResult>> chain = CompletableFuture.completedFuture(new ArrayList<>(parts.size()));
        for (List<OutgoingMessage> part : parts) {
            chain = chain.thenCompose(
                    results -> sendBatch(part, null, null, timeoutMs).thenApply(result -> {
                        results.add(result);
                        return results;
                    }));
        }
        return chain.<List<SendResult>>thenApply(List::copyOf).whenComplete((sent, failure) -> inFlight.release());
    }

    /**
     * An ordered batch: every message to the one queue {@code selector} picks (given the first message),
     * in one request, never split (splitting would let another sender's messages in between) nor retried
     * elsewhere. A batch larger than {@code maxBatchBytes} fails with a {@link ClientException} before
     * anything is sent.
     */
    public SendResult send(
            List<OutgoingMessage> messages, MessageQueueSelector selector, Object argument, long timeoutMs) {
        positive(timeoutMs);
        Objects.requireNonNull(selector, "selector");
        ensureOpen();
        return BrokerRpc.join(
                sendBatch(BatchSplitter.whole(messages, config.maxBatchBytes()), selector, argument, timeoutMs));
    }

    /**
     * Sends {@code message} as a request and completes with the reply a consumer sends back (see {@link
     * #reply}), or fails when none arrives within {@code timeoutMs}.
     */
    public CompletableFuture<ReceivedMessage> request(OutgoingMessage message, long timeoutMs) {
        ensureOpen();
        OutgoingMessage request = Replies.request(message, runtime.clientId(), timeoutMs);
        String correlationId = request.property(Replies.CORRELATION_ID);
        CompletableFuture<ReceivedMessage> reply = runtime.replies().register(correlationId, timeoutMs);
        // the broker pushes the reply only to a client it knows from heartbeats; a topic no broker has
        // yet is created by this request, as by any send (the default topic's route)
        targets.route(message.topic())
                .thenCompose(route -> runtime.heartbeats().sendToAll())
                .thenCompose(known -> dispatch(request, 0, null, null))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        runtime.replies().fail(correlationId, BrokerRpc.asClientException(failure));
                    }
                });
        return reply;
    }

    /** Sends {@code body} as the reply to {@code request} (a message received from {@link #request}). */
    public SendResult reply(ReceivedMessage request, byte[] body) {
        return send(Replies.replyTo(request, body));
    }

    /**
     * Sends the reply to {@code request} with user properties (status codes, content types...), which the
     * requester finds on the reply it receives. Reserved property names are refused with an
     * IllegalArgumentException, as by {@link OutgoingMessage.Builder#property}.
     */
    public SendResult reply(ReceivedMessage request, byte[] body, Map<String, String> userProperties) {
        return send(Replies.replyTo(request, body, userProperties));
    }

    /**
     * {@link #reply(ReceivedMessage, byte[], Map)} without blocking, through {@link
     * #sendAsync(OutgoingMessage)}. A request that is not one, or a reserved property name, throws at once.
     */
    public CompletableFuture<SendResult> replyAsync(
            ReceivedMessage request, byte[] body, Map<String, String> userProperties) {
        return sendAsync(Replies.replyTo(request, body, userProperties));
    }

    protected CompletableFuture<SendResult> dispatch(
            OutgoingMessage message, int extraSysFlag, MessageQueueSelector selector, Object argument) {
        return dispatch(message, extraSysFlag, selector, argument, config.sendTimeoutMs());
    }

    protected CompletableFuture<SendResult> dispatch(
            OutgoingMessage message, int extraSysFlag, MessageQueueSelector selector, Object argument, long timeoutMs) {
        ensureOpen();
        SendRequests.Prepared prepared = requests.prepare(message, extraSysFlag);
        return pipeline.send(
                new SendPipeline.Send(
                        prepared.message(),
                        prepared.uniqueKey(),
                        queue -> requests.single(prepared, queue),
                        fixedQueue(selector, argument)),
                timeoutMs);
    }

    protected ClientRuntime runtime() {
        return runtime;
    }

    /** Async sends waiting for an answer now. */
    public int inFlight() {
        return inFlight.inFlight();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        runtime.members().removeProducer(config.group());
        try {
            runtime.heartbeats().unregister(runtime.clientId(), config.group(), null);
        } catch (RuntimeException e) {
            log.debug("unregistering producer group {} failed: {}", config.group(), e.getMessage());
        }
        if (ownsRuntime) {
            runtime.close();
        }
    }

    private CompletableFuture<Void> oneway(OutgoingMessage message, MessageQueueSelector selector, Object argument) {
        ensureOpen();
        SendRequests.Prepared prepared = requests.prepare(message, 0);
        return pipeline.sendOneway(new SendPipeline.Send(
                message,
                prepared.uniqueKey(),
                queue -> requests.single(prepared, queue),
                fixedQueue(selector, argument)));
    }

    /** One request of a batch; a failure to prepare it fails the future rather than throwing. */
    private CompletableFuture<SendResult> sendBatch(
            List<OutgoingMessage> part, MessageQueueSelector selector, Object argument, long timeoutMs) {
        SendRequests.PreparedBatch batch;
        try {
            ensureOpen();
            batch = requests.prepareBatch(part);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pipeline.send(
                new SendPipeline.Send(
                        part.get(0),
                        String.join(",", batch.uniqueKeys()),
                        queue -> requests.batch(batch, queue),
                        fixedQueue(selector, argument)),
                timeoutMs);
    }

    private static BiFunction<List<MessageQueue>, OutgoingMessage, MessageQueue> fixedQueue(
            MessageQueueSelector selector, Object argument) {
        return selector == null ? null : (queues, message) -> selector.select(queues, message, argument);
    }

    private static long positive(long timeoutMs) {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeoutMs must be positive, was " + timeoutMs);
        }
        return timeoutMs;
    }

    private void ensureOpen() {
        if (closed || runtime.isClosed()) {
            throw new ClientException("producer " + config.group() + " is closed", -1, false);
        }
    }

    private static UniqueKeyGenerator idGenerator(ClientRuntime runtime) {
        try {
            return new UniqueKeyGenerator(InetAddress.getByName(runtime.config().clientIp()), runtime.clock());
        } catch (UnknownHostException e) {
            return new UniqueKeyGenerator(InetAddress.getLoopbackAddress(), runtime.clock());
        }
    }
}
