package io.couriermq.broker.testing;

import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.RecordSlice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In-process NameServers and brokers for the ITs, on free ports of 127.0.0.1 over stores in the test's
 * temp directory, and the remoting clients that talk to them. {@link #close} stops everything this
 * cluster started, newest first; stopping a node twice (a test that stops one itself) is harmless.
 *
 * <p>As a {@code @RegisterExtension} field it closes itself: after each test, or after the class when
 * it serves the whole class (a static field, or a {@code PER_CLASS} test instance's field).
 */
public final class LocalCluster implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /**
     * Dispatch to the consume queues and the index is asynchronous: how long the awaits below give it
     * (a bound for a failing test, not a timing claim).
     */
    private static final Duration DISPATCH_PATIENCE = Duration.ofSeconds(10);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile boolean servesTheWholeClass;

    /** The small store files most ITs use: 8 MiB commit-log segments, consume-queue files of 1,000 entries. */
    public static Map<String, String> smallFiles() {
        return smallFiles(Map.of());
    }

    /** {@code entries} over {@link #smallFiles()}. */
    public static Map<String, String> smallFiles(Map<String, String> entries) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "mappedFileSizeCommitLog", String.valueOf(8 << 20),
                "mappedFileSizeConsumeQueue", String.valueOf(20 * 1000)));
        settings.putAll(entries);
        return settings;
    }

    /** Broker settings from {@code entries}, listening on a free port ({@code listenPort=0}) unless they say. */
    public static BrokerSettings brokerSettings(Path storeDir, Map<String, String> entries) {
        Map<String, String> withPort = new HashMap<>(entries);
        withPort.putIfAbsent("listenPort", "0");
        return BrokerSettingsLoader.load(withPort, storeDir, "127.0.0.1");
    }

    /** A NameServer with the default expiry (120 s, scanned every second). */
    public NameServer startNameServer() {
        return startNameServer(config -> config);
    }

    /** A NameServer whose default configuration {@code adjust} changes (an ACL, say). */
    public synchronized NameServer startNameServer(UnaryOperator<NameServerConfig> adjust) {
        NameServer nameServer = new NameServer(
                adjust.apply(new NameServerConfig(
                        RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), 120_000, 1_000, false)),
                Clock.system());
        nameServer.start();
        started.push(nameServer::shutdown);
        return nameServer;
    }

    public Broker startBroker(Path storeDir, Map<String, String> entries) {
        return startBroker(brokerSettings(storeDir, entries), Clock.system());
    }

    public Broker startBroker(Path storeDir, Map<String, String> entries, Clock clock) {
        return startBroker(brokerSettings(storeDir, entries), clock);
    }

    public synchronized Broker startBroker(BrokerSettings settings, Clock clock) {
        Broker broker = new Broker(settings, clock);
        started.push(broker::shutdown);
        broker.start();
        return broker;
    }

    public NettyRemotingClient client() {
        return startClient(RemotingClientConfig.defaults());
    }

    /** A client that signs its requests as the official AclClientRPCHook does ({@code null}: unsigned). */
    public NettyRemotingClient client(Credentials credentials) {
        return startClient(RemotingClientConfig.defaults().withCredentials(credentials));
    }

    private synchronized NettyRemotingClient startClient(RemotingClientConfig config) {
        NettyRemotingClient client = new NettyRemotingClient(config, new ChannelEventListener() {});
        started.push(client::close);
        return client;
    }

    public static String address(Broker broker) {
        return "127.0.0.1:" + broker.listenPort();
    }

    public static String address(NameServer nameServer) {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    /** Waits until queue {@code queueId} of {@code topic} holds exactly {@code count} messages. */
    public static void awaitQueueLength(Broker broker, String topic, int queueId, long count) {
        await("%s queue %d holds %d messages".formatted(topic, queueId, count))
                .atMost(DISPATCH_PATIENCE)
                .until(() -> broker.store().maxOffset(topic, queueId) == count);
    }

    /** Waits until everything appended to the commit log so far is in the consume queues. */
    public static void awaitDispatched(Broker broker) {
        await("everything appended is dispatched").atMost(DISPATCH_PATIENCE).until(() -> {
            var stats = broker.store().stats();
            return stats.dispatchedOffset() >= stats.commitLogMaxOffset();
        });
    }

    /** Every message of one queue, read straight from the broker's store as a fresh group would. */
    public static List<StoredMessage> storedMessages(Broker broker, String topic, int queueId) {
        List<StoredMessage> messages = new ArrayList<>();
        long offset = broker.store().minOffset(topic, queueId);
        while (true) {
            try (GetResult result = broker.store().getMessages(topic, queueId, offset, 32, MessageFilter.ALL)) {
                if (result.status() != GetStatus.FOUND) {
                    return messages;
                }
                for (RecordSlice slice : result.records()) {
                    messages.add(MessageDecoder.decode(slice.buffer(), 0));
                }
                offset = result.nextBeginOffset();
            }
        }
    }

    /** Called only when registered for the class: a per-test field is registered after beforeAll. */
    @Override
    public void beforeAll(ExtensionContext context) {
        servesTheWholeClass = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!servesTheWholeClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping the local cluster failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
