package io.couriermq.client.support;

import io.couriermq.broker.Broker;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import io.couriermq.test.EmbeddedCluster;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * mq-test's {@link EmbeddedCluster} (a NameServer and master brokers {@code broker-a}, {@code broker-b},
 * ... in this JVM) plus what the client's tests check with: the messages a broker stored, read straight
 * from its store.
 */
public final class LocalCluster implements AutoCloseable {
    private final EmbeddedCluster cluster;

    public LocalCluster(Path dir, int brokers) {
        this.cluster =
                EmbeddedCluster.builder().brokers(brokers).parentDirectory(dir).start();
    }

    public String nameServerAddress() {
        return cluster.nameServerAddress();
    }

    public Broker broker(String name) {
        return cluster.broker(name).broker();
    }

    /** Creates {@code topic} with {@code queues} queues on every broker and waits for the route to show it. */
    public void createTopic(String topic, int queues) {
        cluster.createTopic(topic, queues);
    }

    /** Stops a broker cleanly (it unregisters from the NameServer). */
    public void stopBroker(String name) {
        cluster.stopBroker(name);
    }

    /** Every message of one queue as the broker stored it, read from its store. */
    public List<StoredMessage> storedMessages(String brokerName, String topic, int queueId) {
        MessageStore store = broker(brokerName).store();
        List<StoredMessage> messages = new ArrayList<>();
        long offset = 0;
        while (true) {
            GetResult result = store.getMessages(topic, queueId, offset, 1_000, MessageFilter.ALL);
            if (result.records().isEmpty()) {
                return messages;
            }
            for (RecordSlice record : result.records()) {
                try (record) {
                    messages.add(MessageDecoder.decode(record.buffer(), 0));
                }
            }
            offset = result.nextBeginOffset();
        }
    }

    /** The bytes of the record at {@code offset} of one queue, as the broker reads them from its store. */
    public byte[] storedRecord(String brokerName, String topic, int queueId, long offset) {
        GetResult result = broker(brokerName).store().getMessages(topic, queueId, offset, 1, MessageFilter.ALL);
        try (RecordSlice record = result.records().get(0)) {
            ByteBuffer buffer = record.buffer().duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** Every stored message of {@code topic} on every running broker. */
    public List<StoredMessage> storedMessages(String topic) {
        List<StoredMessage> all = new ArrayList<>();
        for (String name : cluster.brokerNames()) {
            if (!cluster.broker(name).isRunning()) {
                continue;
            }
            var config = broker(name).topics().find(topic);
            if (config.isPresent()) {
                for (int queue = 0; queue < config.get().writeQueueNums(); queue++) {
                    all.addAll(storedMessages(name, topic, queue));
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
