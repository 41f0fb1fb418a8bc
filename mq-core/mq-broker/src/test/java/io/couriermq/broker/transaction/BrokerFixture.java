package io.couriermq.broker.transaction;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.time.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-process broker over real files and a real socket, on a manual clock (store times and the
 * checker's "now"), that can be restarted over the same store.
 */
final class BrokerFixture implements AutoCloseable {
    private final Path storeDir;
    private final Map<String, String> settings;
    final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final LocalCluster cluster = new LocalCluster();
    private Broker broker;

    BrokerFixture(Path storeDir, Map<String, String> extraSettings) {
        this.storeDir = storeDir;
        this.settings = LocalCluster.smallFiles(Map.of(
                "brokerIP1", "127.0.0.1",
                // rounds run when the test says so (plus one at start)
                "transactionCheckInterval", "3600000"));
        this.settings.putAll(extraSettings);
        start();
    }

    void start() {
        broker = cluster.startBroker(storeDir, settings, clock);
        // a restart keeps the client port; the HA port (listenPort + 1 by default) may be taken meanwhile
        settings.put("listenPort", String.valueOf(broker.listenPort()));
        settings.put("haListenPort", "0");
    }

    void restart() {
        broker.shutdown();
        start();
    }

    Broker broker() {
        return broker;
    }

    String address() {
        return LocalCluster.address(broker);
    }

    /** One check-back round, once every half message sent so far is in the half queue. */
    void checkNow() {
        awaitDispatched();
        broker.transactions().checkNow();
    }

    void awaitDispatched() {
        LocalCluster.awaitDispatched(broker);
    }

    /** Waits until everything appended is in the consume queues, then reads a whole topic like a fresh group. */
    List<StoredMessage> readAll(String topic, int queues) {
        awaitDispatched();
        List<StoredMessage> messages = new ArrayList<>();
        for (int queueId = 0; queueId < queues; queueId++) {
            messages.addAll(LocalCluster.storedMessages(broker, topic, queueId));
        }
        return messages;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
