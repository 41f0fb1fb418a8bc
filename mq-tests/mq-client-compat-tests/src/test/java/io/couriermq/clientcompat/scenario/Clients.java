package io.couriermq.clientcompat.scenario;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.security.Credentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Client runtimes for one scenario class: each gets its own instance name (its own client id), all closed at the end. */
final class Clients implements AutoCloseable {
    private static final AtomicInteger instances = new AtomicInteger();

    private final ClusterUnderTest cluster;
    private final Path offsetDir;
    private final List<AutoCloseable> open = new ArrayList<>();

    Clients(ClusterUnderTest cluster, Path offsetDir) {
        this.cluster = cluster;
        this.offsetDir = offsetDir;
    }

    /** A new runtime with its own client id; closed with this object (after whatever uses it). */
    ClientRuntime runtime() {
        return runtime(null);
    }

    /** As {@link #runtime()}, signing every request with {@code credentials} (null: unsigned). */
    ClientRuntime runtime(Credentials credentials) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                .instanceName("scenario-" + instances.incrementAndGet())
                .clientIp("127.0.0.1")
                .credentials(credentials)
                .build());
        open.add(0, runtime);
        return runtime;
    }

    /** Registers something to close before the runtimes (consumers, producers). */
    <T extends AutoCloseable> T closeLater(T closeable) {
        open.add(0, closeable);
        return closeable;
    }

    /** Consumer settings for tests: from the first offset, quick rebalances, offsets under the test dir. */
    ConsumerConfig.Builder consumer(String group) {
        return ConsumerConfig.builder(group)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .rebalanceIntervalMs(2_000)
                .persistOffsetIntervalMs(1_000)
                .shutdownAwaitMs(5_000)
                .offsetStoreDir(offsetDir);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : open) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the rest; a test failure already says what went wrong
            }
        }
        open.clear();
    }
}
