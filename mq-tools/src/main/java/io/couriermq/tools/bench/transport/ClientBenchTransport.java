package io.couriermq.tools.bench.transport;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.MessageQueueSelector;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.TopicRoute;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BenchTransport} whose sends go through our client library's {@link Producer}: what an
 * application sees, ids, properties, fault tracking and all. Sync and async sends go to the queue the
 * runner picked (through a {@link MessageQueueSelector}, so without retries on another queue); oneway
 * and batch sends have no selector in the producer API, so the producer picks their queue. Routes, topic
 * creation, pulls and offsets stay on raw requests: the client has no admin API, and the bench's
 * pulls need no consumer group state.
 */
public final class ClientBenchTransport implements BenchTransport {
    /** The runner's {@link BenchQueue} travels as the selector's argument. */
    private static final MessageQueueSelector RUNNER_PICKS = (queues, message, argument) -> {
        BenchQueue queue = (BenchQueue) argument;
        return new MessageQueue(message.topic(), queue.brokerName(), queue.queueId());
    };

    private final ClientRuntime runtime;
    private final Producer producer;
    private final RemotingBenchTransport admin;

    private ClientBenchTransport(ClientRuntime runtime, Producer producer, RemotingBenchTransport admin) {
        this.runtime = runtime;
        this.producer = producer;
        this.admin = admin;
    }

    /**
     * A started producer of {@code group} on its own runtime with {@code ioThreads} event-loop threads,
     * signing every request with {@code credentials} (null: unsigned), over TLS as {@code tls} says.
     */
    public static ClientBenchTransport start(
            String nameServer, String group, int ioThreads, Credentials credentials, TlsClientSettings tls) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(nameServer)
                .instanceName("bench-" + ProcessHandle.current().pid())
                .ioThreads(ioThreads)
                .credentials(credentials)
                .tls(tls)
                .build());
        try {
            Producer producer =
                    Producer.start(runtime, ProducerConfig.builder(group).build());
            return new ClientBenchTransport(
                    runtime, producer, new RemotingBenchTransport(nameServer, group, 1, credentials, tls));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    @Override
    public Optional<TopicRoute> route(String topic) {
        return admin.route(topic);
    }

    @Override
    public List<String> createTopic(String topic, int queues) {
        return admin.createTopic(topic, queues);
    }

    @Override
    public Outcome sendSync(String topic, BenchQueue queue, byte[] body) {
        try {
            return outcome(producer.send(message(topic, body), RUNNER_PICKS, queue));
        } catch (ClientException e) {
            return failure(e);
        }
    }

    @Override
    public CompletableFuture<Outcome> sendAsync(String topic, BenchQueue queue, byte[] body) {
        return answered(producer.sendAsync(message(topic, body), RUNNER_PICKS, queue));
    }

    @Override
    public CompletableFuture<Outcome> sendOneway(String topic, BenchQueue queue, byte[] body) {
        return producer.sendOneway(message(topic, body))
                .handle((written, failure) -> failure == null ? Outcome.SUCCESS : failure(failure));
    }

    @Override
    public Outcome sendBatch(String topic, BenchQueue queue, List<byte[]> bodies) {
        List<OutgoingMessage> messages =
                bodies.stream().map(body -> message(topic, body)).toList();
        try {
            List<SendResult> results = producer.send(messages);
            return results.stream()
                    .map(ClientBenchTransport::outcome)
                    .filter(outcome -> !outcome.succeeded())
                    .findFirst()
                    .orElse(Outcome.SUCCESS);
        } catch (ClientException e) {
            return failure(e);
        }
    }

    @Override
    public PullResult pull(String topic, BenchQueue queue, long offset, long suspendMs) {
        return admin.pull(topic, queue, offset, suspendMs);
    }

    @Override
    public long minOffset(String topic, BenchQueue queue) {
        return admin.minOffset(topic, queue);
    }

    @Override
    public long maxOffset(String topic, BenchQueue queue) {
        return admin.maxOffset(topic, queue);
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            runtime.close();
            admin.close();
        }
    }

    private static OutgoingMessage message(String topic, byte[] body) {
        return OutgoingMessage.builder(topic, body).build();
    }

    private static CompletableFuture<Outcome> answered(CompletableFuture<SendResult> result) {
        return result.handle((sent, failure) -> failure == null ? outcome(sent) : failure(failure));
    }

    private static Outcome outcome(SendResult result) {
        return result.status() == SendStatus.SEND_OK
                ? Outcome.SUCCESS
                : new Outcome(result.status().name());
    }

    /** The broker's response code when it refused, else what kept the answer from coming. */
    static Outcome failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientException refused && refused.responseCode() >= 0) {
                return new Outcome(ResponseCode.nameOf(refused.responseCode()));
            }
            if (cause instanceof RemotingTimeoutException) {
                return new Outcome("TIMEOUT");
            }
            if (cause instanceof RemotingConnectException) {
                return new Outcome("CONNECT_FAILED");
            }
        }
        return new Outcome("SEND_FAILED");
    }
}
