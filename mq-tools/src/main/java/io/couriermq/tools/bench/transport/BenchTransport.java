package io.couriermq.tools.bench.transport;

import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.TopicRoute;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the load generator needs from a client: routes, sends of every kind and pulls. The one seam
 * between the tool and the wire, so it can move onto the client library once that exists.
 * Implementations are safe for concurrent use. No method throws for a failed request: failures come
 * back as an {@link Outcome} naming the response code or the transport failure.
 */
public interface BenchTransport extends AutoCloseable {

    /** The route of {@code topic}, or empty when the NameServer knows no such topic. */
    Optional<TopicRoute> route(String topic);

    /** Creates {@code topic} with {@code queues} read and write queues on every master of every cluster. */
    List<String> createTopic(String topic, int queues);

    Outcome sendSync(String topic, BenchQueue queue, byte[] body);

    CompletableFuture<Outcome> sendAsync(String topic, BenchQueue queue, byte[] body);

    /** Completes once the request is written to the connection; there is no answer to wait for. */
    CompletableFuture<Outcome> sendOneway(String topic, BenchQueue queue, byte[] body);

    Outcome sendBatch(String topic, BenchQueue queue, List<byte[]> bodies);

    /** Pulls up to 32 messages; {@code suspendMs} &gt; 0 lets the broker hold the pull that long. */
    PullResult pull(String topic, BenchQueue queue, long offset, long suspendMs);

    long minOffset(String topic, BenchQueue queue);

    long maxOffset(String topic, BenchQueue queue);

    @Override
    void close();
}
