package io.couriermq.client.support;

import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A NameServer and named master brokers in this JVM, on free loopback ports, stores under {@code dir}. */
public final class LocalCluster implements AutoCloseable {
    private final Path dir;
    private final NameServer nameServer;
    private final Map<String, Broker> brokers = new LinkedHashMap<>();

    public LocalCluster(Path dir, String... brokerNames) {
        this.dir = dir;
        this.nameServer = new NameServer(
                new NameServerConfig(
                        RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), 120_000, 1_000, false),
                Clock.system());
        nameServer.start();
        for (String name : brokerNames) {
            startBroker(name);
        }
    }

    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    public Broker broker(String name) {
        return brokers.get(name);
    }

    public Broker startBroker(String name) {
        Broker broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "namesrvAddr", nameServerAddress(),
                                "brokerName", name,
                                "listenPort", "0",
                                "mappedFileSizeCommitLog", String.valueOf(8 << 20),
                                "mappedFileSizeConsumeQueue", String.valueOf(20 * 1000)),
                        dir.resolve(name),
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        brokers.put(name, broker);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> nameServer.routes().snapshot().routeOf("TBW102", null) != null
                        && nameServer.routes().snapshot().routeOf("TBW102", null).brokerDatas().stream()
                                .anyMatch(data -> data.brokerName().equals(name)));
        return broker;
    }

    /** Creates {@code topic} with {@code queues} queues on every broker and waits for the route to show it. */
    public void createTopic(String topic, int queues) {
        for (Broker broker : brokers.values()) {
            broker.topics()
                    .createOrUpdate(
                            new TopicConfig(topic, queues, queues, Permission.READ_WRITE, null, 0, false, null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var route = nameServer.routes().snapshot().routeOf(topic, null);
            return route != null && route.brokerDatas().size() == brokers.size();
        });
    }

    /** Stops a broker (cleanly: it unregisters from the NameServer). */
    public void stopBroker(String name) {
        brokers.remove(name).shutdown();
    }

    /** Every message of one queue as the broker stored it, read from its store. */
    public List<StoredMessage> storedMessages(String brokerName, String topic, int queueId) {
        MessageStore store = brokers.get(brokerName).store();
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

    /** Every stored message of {@code topic} on every broker. */
    public List<StoredMessage> storedMessages(String topic) {
        List<StoredMessage> all = new ArrayList<>();
        for (Map.Entry<String, Broker> broker : brokers.entrySet()) {
            var config = broker.getValue().topics().find(topic);
            if (config.isPresent()) {
                for (int queue = 0; queue < config.get().writeQueueNums(); queue++) {
                    all.addAll(storedMessages(broker.getKey(), topic, queue));
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        brokers.values().forEach(Broker::shutdown);
        nameServer.shutdown();
    }
}
