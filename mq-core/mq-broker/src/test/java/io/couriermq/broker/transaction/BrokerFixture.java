package io.couriermq.broker.transaction;

import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.RecordSlice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    private Broker broker;

    BrokerFixture(Path storeDir, Map<String, String> extraSettings) {
        this.storeDir = storeDir;
        this.settings = new HashMap<>(Map.of(
                "listenPort", "0",
                "brokerIP1", "127.0.0.1",
                "mappedFileSizeCommitLog", String.valueOf(8 << 20),
                "mappedFileSizeConsumeQueue", String.valueOf(20 * 1000),
                // rounds run when the test says so (plus one at start)
                "transactionCheckInterval", "3600000"));
        this.settings.putAll(extraSettings);
        start();
    }

    void start() {
        broker = new Broker(BrokerSettingsLoader.load(settings, storeDir, "127.0.0.1"), clock);
        broker.start();
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
        return "127.0.0.1:" + broker.listenPort();
    }

    /** One check-back round, once every half message sent so far is in the half queue. */
    void checkNow() {
        awaitDispatched();
        broker.transactions().checkNow();
    }

    void awaitDispatched() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var stats = broker.store().stats();
            return stats.dispatchedOffset() >= stats.commitLogMaxOffset();
        });
    }

    /** Waits until everything appended is in the consume queues, then reads a whole topic like a fresh group. */
    List<StoredMessage> readAll(String topic, int queues) {
        awaitDispatched();
        List<StoredMessage> messages = new ArrayList<>();
        for (int queueId = 0; queueId < queues; queueId++) {
            long offset = broker.store().minOffset(topic, queueId);
            while (true) {
                try (GetResult result = broker.store().getMessages(topic, queueId, offset, 32, MessageFilter.ALL)) {
                    if (result.status() != GetStatus.FOUND) {
                        break;
                    }
                    for (RecordSlice slice : result.records()) {
                        messages.add(MessageDecoder.decode(slice.buffer(), 0));
                    }
                    offset = result.nextBeginOffset();
                }
            }
        }
        return messages;
    }

    @Override
    public void close() {
        broker.shutdown();
    }
}
