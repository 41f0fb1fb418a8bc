package io.couriermq.namesrv.route;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.logging.RateLimitedLog;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameServer's state. Routes live in an immutable {@link RouteSnapshot} that writers replace under
 * one lock and readers use without locking, so a route lookup never waits for a registering broker.
 * Liveness is kept apart: a heartbeat that changes no route only replaces the broker's liveness
 * entry and builds no snapshot.
 */
public final class RouteTable {
    private static final Logger log = LoggerFactory.getLogger(RouteTable.class);
    /** Registrations and closes are one line each, per broker (name, id) a minute: a flood is a count. */
    private final RateLimitedLog brokerEvents = new RateLimitedLog(log, Duration.ofMinutes(1));

    private final Clock clock;
    private final Map<BrokerKey, BrokerLiveness> liveness = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile RouteSnapshot snapshot = RouteSnapshot.EMPTY;

    public RouteTable(Clock clock) {
        this.clock = clock;
    }

    public RouteSnapshot snapshot() {
        return snapshot;
    }

    public Collection<BrokerLiveness> liveBrokers() {
        return List.copyOf(liveness.values());
    }

    /**
     * Records a registration. A master's topic table is applied when the broker is new or its data
     * version changed, and otherwise each topic this table lacks for the broker (the parts of a split
     * registration, RocketMQ's {@code enableSplitRegistration}, carry one data version, as RocketMQ 5's
     * NameServer reads them); a slave's topics are ignored (clients write to masters only).
     */
    public RegistrationResult register(BrokerRegistration registration) {
        long now = clock.millis();
        synchronized (writeLock) {
            BrokerLiveness previous = liveness.get(registration.key());
            boolean topicsChanged =
                    previous == null || !Objects.equals(previous.dataVersion(), registration.dataVersion());
            Editor editor = snapshot.edit();
            editor.addBrokerToCluster(registration.clusterName(), registration.brokerName());
            editor.putBrokerAddress(
                    registration.clusterName(),
                    registration.brokerName(),
                    registration.brokerId(),
                    registration.brokerAddr(),
                    registration.enableActingMaster());
            if (registration.isMaster() && registration.topics() != null) {
                for (TopicConfig topic : registration.topics().values()) {
                    // A broker with many topics registers them in parts that share one data version, so an
                    // unchanged version still brings the topics this table lacks for the broker. One it holds
                    // stays as it is: an operator may have wiped its write permission here.
                    if (topicsChanged || editor.queueData(topic.topicName(), registration.brokerName()) == null) {
                        editor.putQueueData(topic.topicName(), queueDataOf(registration.brokerName(), topic));
                    }
                }
            }
            snapshot = editor.build();
            liveness.put(
                    registration.key(),
                    new BrokerLiveness(
                            registration.key(),
                            registration.brokerName(),
                            registration.brokerId(),
                            registration.haServerAddr(),
                            registration.dataVersion(),
                            now,
                            registration.timeoutMillis(),
                            registration.channel()));
            if (previous == null) {
                brokerEvents.info(
                        "broker registered: " + registration.brokerName() + " id " + registration.brokerId(),
                        "broker {} ({} id {}, cluster {}) registered with {} topics",
                        registration.brokerAddr(),
                        registration.brokerName(),
                        registration.brokerId(),
                        registration.clusterName(),
                        registration.topics() == null
                                ? 0
                                : registration.topics().size());
            }
        }
        return registration.isMaster() ? new RegistrationResult(null, null) : masterOf(registration);
    }

    /** Removes a broker that said goodbye. Returns whether it was known. */
    public boolean unregister(BrokerKey key, String brokerName) {
        synchronized (writeLock) {
            BrokerLiveness removed = liveness.remove(key);
            Editor editor = snapshot.edit();
            editor.removeBrokerAddress(key.clusterName(), brokerName, key.brokerAddr());
            snapshot = editor.build();
            log.info("broker {} ({}) unregistered", key.brokerAddr(), brokerName);
            return removed != null;
        }
    }

    /**
     * Whether the broker's topic table differs from what was registered (QUERY_DATA_VERSION). Counts
     * as a heartbeat: the broker is alive even when nothing changed.
     */
    public boolean refreshAndCompare(BrokerKey key, DataVersion dataVersion) {
        BrokerLiveness current = liveness.computeIfPresent(key, (k, live) -> live.heardAt(clock.millis()));
        return current == null || !Objects.equals(current.dataVersion(), dataVersion);
    }

    /** The data version the broker registered last, or null when it is unknown. */
    public DataVersion dataVersionOf(BrokerKey key) {
        BrokerLiveness live = liveness.get(key);
        return live == null ? null : live.dataVersion();
    }

    /** Drops every broker whose silence outlasted its timeout; returns them so their connections can be closed. */
    public List<BrokerLiveness> expireSilentBrokers() {
        long now = clock.millis();
        List<BrokerLiveness> expired = new ArrayList<>();
        for (BrokerLiveness live : liveness.values()) {
            if (live.isExpired(now) && removeIfSame(live)) {
                expired.add(live);
                log.warn(
                        "broker {} ({}) expired: silent for {} ms, limit {} ms",
                        live.key().brokerAddr(),
                        live.brokerName(),
                        now - live.lastUpdateMillis(),
                        live.timeoutMillis());
            }
        }
        return expired;
    }

    /** Drops every broker registered over {@code channel}: its connection is gone. */
    public void removeBrokersOf(RemotingChannel channel) {
        for (BrokerLiveness live : liveness.values()) {
            if (live.channel() == channel && removeIfSame(live)) {
                brokerEvents.info(
                        "broker connection closed: " + live.brokerName() + " id " + live.brokerId(),
                        "broker {} ({}) removed: its connection closed",
                        live.key().brokerAddr(),
                        live.brokerName());
            }
        }
    }

    /** Adds or replaces the queues of existing broker groups for a topic (REGISTER_TOPIC_IN_NAMESRV). */
    public void registerTopic(String topic, List<QueueData> queueDatas) {
        synchronized (writeLock) {
            RouteSnapshot current = snapshot;
            Editor editor = current.edit();
            queueDatas.stream()
                    .filter(queueData -> current.brokers().containsKey(queueData.brokerName()))
                    .forEach(queueData -> editor.putQueueData(topic, queueData));
            snapshot = editor.build();
        }
    }

    /** Deletes a topic everywhere, or only from the broker groups of {@code clusterName} when given. */
    public void deleteTopic(String topic, String clusterName) {
        synchronized (writeLock) {
            Editor editor = snapshot.edit();
            if (clusterName == null || clusterName.isEmpty()) {
                editor.removeTopic(topic);
            } else {
                Set<String> brokerNames = editor.clusters().getOrDefault(clusterName, Set.of());
                editor.updateQueues(topic, queues -> {
                    queues.keySet().removeAll(brokerNames);
                    return queues;
                });
            }
            snapshot = editor.build();
        }
    }

    /** Sets or clears the write permission of every topic of a broker group; returns how many topics it touched. */
    public int changeWritePermission(String brokerName, boolean writable) {
        synchronized (writeLock) {
            Editor editor = snapshot.edit();
            int[] touched = {0};
            for (String topic : List.copyOf(editor.topics().keySet())) {
                editor.updateQueues(topic, queues -> {
                    QueueData queueData = queues.get(brokerName);
                    if (queueData != null) {
                        touched[0]++;
                        queues.put(
                                brokerName,
                                queueData.withPerm(
                                        writable
                                                ? queueData.perm() | Permission.WRITE
                                                : queueData.perm() & ~Permission.WRITE));
                    }
                    return queues;
                });
            }
            snapshot = editor.build();
            return touched[0];
        }
    }

    private boolean removeIfSame(BrokerLiveness live) {
        synchronized (writeLock) {
            if (!liveness.remove(live.key(), live)) {
                return false;
            }
            Editor editor = snapshot.edit();
            editor.removeBrokerAddress(
                    live.key().clusterName(), live.brokerName(), live.key().brokerAddr());
            snapshot = editor.build();
            return true;
        }
    }

    private RegistrationResult masterOf(BrokerRegistration registration) {
        BrokerData broker = snapshot.brokers().get(registration.brokerName());
        String masterAddr = broker == null ? null : broker.masterAddress();
        if (masterAddr == null) {
            return new RegistrationResult(null, null);
        }
        BrokerLiveness master = liveness.get(new BrokerKey(registration.clusterName(), masterAddr));
        return new RegistrationResult(masterAddr, master == null ? null : master.haServerAddr());
    }

    private static QueueData queueDataOf(String brokerName, TopicConfig topic) {
        return new QueueData(
                brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(), topic.topicSysFlag());
    }
}
