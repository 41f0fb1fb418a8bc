package io.couriermq.test;

import io.couriermq.broker.config.BrokerRole;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real NameServers, master brokers and their slaves in this JVM, on free loopback ports, with their
 * stores under a temporary directory: the CourierMQ cluster a test talks to over real sockets.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(2).start()) {
 *     cluster.createTopic("Orders", 4);
 *     client.connect(cluster.nameServerAddress());
 * }
 * }</pre>
 *
 * <p>The deployment modes of RocketMQ's documentation:
 *
 * <pre>{@code
 * EmbeddedCluster.builder()                                    // single master
 * EmbeddedCluster.builder().masters(2)                         // 2m-noslave
 * EmbeddedCluster.builder().nameServers(2).masters(2).slavesPerMaster(1)      // 2m-2s-async
 * EmbeddedCluster.builder().nameServers(2).masters(2).slavesPerMaster(1)
 *         .brokerRole(BrokerRole.SYNC_MASTER).flushDiskType(FlushDiskType.SYNC_FLUSH)   // 2m-2s-sync
 * }</pre>
 *
 * <p>{@link #start} returns once every broker is registered with every NameServer. Broker groups are
 * named {@code broker-a}, {@code broker-b}, ...; a master is called by its group's name, a slave by the
 * group's name and its brokerId ({@code broker-a-s1}). Every broker gets a free HA port
 * (haListenPort) and every slave its master's as haMasterAddress. Each keeps its ports and store across
 * {@link #restartBroker restarts}. {@link #close()} stops everything and deletes the directory.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    /** Everything listens on and registers loopback. */
    public static final String HOST = "127.0.0.1";

    private final Path dir;
    private final List<NameServer> nameServers = new ArrayList<>();
    private final Map<String, EmbeddedBroker> brokers = new LinkedHashMap<>();
    private final RouteWatch routes;
    private final Builder builder;

    private EmbeddedCluster(Builder builder, Path dir) {
        this.dir = dir;
        this.builder = builder;
        this.routes = new RouteWatch(nameServers, builder.timeout);
    }

    /** NameServers first, then the brokers registering with them; returns when all are registered. */
    private void startAll() {
        for (int i = 0; i < builder.nameServers; i++) {
            NameServer nameServer = new NameServer(
                    new NameServerConfig(
                            RemotingServerConfig.defaults(0)
                                    .withBindAddress(HOST)
                                    .withTls(builder.nameServerTls),
                            NameServerConfig.DEFAULT_BROKER_EXPIRY_MS,
                            builder.expiryScanInterval.toMillis(),
                            false),
                    Clock.system());
            nameServer.start();
            nameServers.add(nameServer);
        }
        List<EmbeddedBroker> masters = new ArrayList<>();
        for (int i = 0; i < builder.masters; i++) {
            masters.add(startBroker(EmbeddedBroker.Role.master(brokerName(i), builder.masterRole)));
        }
        for (EmbeddedBroker master : masters) {
            for (int id = 1; id <= builder.slavesPerMaster; id++) {
                startBroker(EmbeddedBroker.Role.slave(master, id));
            }
        }
        brokers.values().forEach(routes::awaitRegistered);
        log.info("embedded cluster up: NameServers {}, brokers {}", nameServerAddress(), brokers.keySet());
    }

    private EmbeddedBroker startBroker(EmbeddedBroker.Role role) {
        EmbeddedBroker broker = new EmbeddedBroker(
                role,
                builder.clusterName,
                nameServerAddress(),
                dir.resolve(role.nodeName()),
                builder.brokerSettings,
                builder.aclAccountsFile);
        brokers.put(broker.name(), broker);
        broker.start();
        return broker;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code broker-a} for 0, {@code broker-b} for 1, ... */
    static String brokerName(int index) {
        if (index < 0 || index >= 26) {
            throw new IllegalArgumentException("broker index must be 0..25, was " + index);
        }
        return "broker-" + (char) ('a' + index);
    }

    /** {@code 127.0.0.1:port;127.0.0.1:port}, as clients and brokers are configured with it. */
    public String nameServerAddress() {
        return nameServers.stream()
                .map(nameServer -> HOST + ":" + nameServer.listenPort())
                .collect(Collectors.joining(";"));
    }

    public List<NameServer> nameServers() {
        return List.copyOf(nameServers);
    }

    /** The broker groups' names ({@code broker-a}, ...), which are also their masters' names. */
    public List<String> brokerNames() {
        return brokers.values().stream()
                .filter(EmbeddedBroker::isMaster)
                .map(EmbeddedBroker::name)
                .toList();
    }

    /** Every broker, masters first (in group order), then the slaves. */
    public List<EmbeddedBroker> brokers() {
        return List.copyOf(brokers.values());
    }

    /** The slaves of broker group {@code brokerName}, by brokerId; empty without slaves. */
    public List<EmbeddedBroker> slaves(String brokerName) {
        return brokers.values().stream()
                .filter(broker -> !broker.isMaster() && broker.brokerName().equals(brokerName))
                .toList();
    }

    /** The address of a broker by its name: a group's name for its master, e.g. {@code broker-a-s1} for a slave. */
    public String brokerAddress(String name) {
        return broker(name).address();
    }

    /** A broker by its name: a group's name for its master, e.g. {@code broker-a-s1} for a slave. */
    public EmbeddedBroker broker(String name) {
        EmbeddedBroker broker = brokers.get(name);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + name + "; the cluster has " + brokers.keySet());
        }
        return broker;
    }

    /**
     * Creates {@code topic} with {@code queuesPerBroker} read and write queues on every running master,
     * and returns once every NameServer's route shows it on each of them. Slaves are left alone, as
     * RocketMQ's admin tools leave them: routes carry masters' queues only, and a slave takes its
     * topics from its master.
     */
    public void createTopic(String topic, int queuesPerBroker) {
        List<EmbeddedBroker> running = brokers.values().stream()
                .filter(EmbeddedBroker::isRunning)
                .filter(EmbeddedBroker::isMaster)
                .toList();
        for (EmbeddedBroker broker : running) {
            broker.broker()
                    .topics()
                    .createOrUpdate(new TopicConfig(
                            topic, queuesPerBroker, queuesPerBroker, Permission.READ_WRITE, null, 0, false, Map.of()));
        }
        routes.awaitTopic(topic, running, queuesPerBroker);
    }

    /** The route of {@code topic} as the first NameServer has it now; empty when no live broker serves it. */
    public Optional<TopicRouteData> route(String topic) {
        return routes.routeOf(topic);
    }

    /** Clean shutdown of one broker: it unregisters, so its routes are gone when this returns. */
    public void stopBroker(String name) {
        EmbeddedBroker broker = broker(name);
        broker.stop();
        routes.awaitUnregistered(broker);
    }

    /**
     * The closest a JVM comes to {@code kill -9} of one broker ({@link io.couriermq.broker.Broker#halt()}):
     * it stops registering without saying goodbye, its listening socket and every connection are closed
     * with nothing answered, and its store is closed without flush, checkpoint or removal of the abort
     * marker, so the next start recovers as after a crash. What differs from a real kill: unflushed
     * pages stay in the OS page cache (nothing acknowledged is lost, as with a process kill; unlike a
     * power cut), and the broker's threads end before this returns (no checkpoint, progress or offset
     * file is written on the way out, as a killed process writes none). The NameServers drop the broker
     * when they see its connection close, as they do after a kill; this does not wait for that.
     */
    public void crashBroker(String name) {
        broker(name).crash();
    }

    /**
     * Starts the broker again on its port and store (stopping it cleanly first if it is running) and
     * returns once every NameServer has its registration.
     */
    public void restartBroker(String name) {
        EmbeddedBroker broker = broker(name);
        broker.stop();
        broker.start();
        routes.awaitRegistered(broker);
    }

    /** Stops every broker, then the NameServers, and deletes the cluster's directory. Idempotent. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        brokers.values().forEach(broker -> attempt(broker::stop, failures));
        nameServers.forEach(nameServer -> attempt(nameServer::shutdown, failures));
        nameServers.clear();
        attempt(() -> TempDirectory.delete(dir), failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** What to start; {@link #start()} builds the cluster. */
    public static final class Builder {
        private int nameServers = 1;
        private int masters = 1;
        private int slavesPerMaster = 0;
        private BrokerRole masterRole = BrokerRole.ASYNC_MASTER;
        private String clusterName = "DefaultCluster";
        private final Map<String, String> brokerSettings = new LinkedHashMap<>();
        private Path aclAccountsFile;
        private Path parentDir;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration expiryScanInterval = Duration.ofSeconds(1);
        private TlsServerSettings nameServerTls = TlsServerSettings.disabled();

        private Builder() {}

        public Builder nameServers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one NameServer, was " + count);
            }
            this.nameServers = count;
            return this;
        }

        /** Master brokers, named broker-a, broker-b, ...; default 1. The same as {@link #masters}. */
        public Builder brokers(int count) {
            return masters(count);
        }

        /** Broker groups, each with one master named broker-a, broker-b, ...; default 1. */
        public Builder masters(int count) {
            if (count < 1 || count > 26) {
                throw new IllegalArgumentException("1..26 brokers, was " + count);
            }
            this.masters = count;
            return this;
        }

        /** Slaves of every master (brokerId 1..count, named broker-a-s1, ...); default 0. */
        public Builder slavesPerMaster(int count) {
            if (count < 0 || count > 9) {
                throw new IllegalArgumentException("0..9 slaves per master, was " + count);
            }
            this.slavesPerMaster = count;
            return this;
        }

        /** The masters' role: ASYNC_MASTER (the default) or SYNC_MASTER. Slaves are always SLAVE. */
        public Builder brokerRole(BrokerRole role) {
            if (!role.isMaster()) {
                throw new IllegalArgumentException(
                        "brokerRole names the masters' role (ASYNC_MASTER or SYNC_MASTER); add slaves with"
                                + " slavesPerMaster");
            }
            this.masterRole = role;
            return this;
        }

        /** flushDiskType of every broker; ASYNC_FLUSH by default. */
        public Builder flushDiskType(FlushDiskType type) {
            return brokerSetting("flushDiskType", type.name());
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /**
         * broker.conf entries (RocketMQ key names) applied to every broker, after the test defaults.
         * brokerName, brokerId, brokerRole and haMasterAddress come from the cluster's shape and are
         * not changed by these.
         */
        public Builder brokerSetting(String key, String value) {
            brokerSettings.put(key, value);
            return this;
        }

        public Builder brokerSettings(Map<String, String> settings) {
            brokerSettings.putAll(settings);
            return this;
        }

        /**
         * The accounts file (RocketMQ's plain_acl.yml format) brokers with {@code aclEnable=true} read,
         * instead of {@code $ROCKETMQ_HOME/conf/plain_acl.yml}, which is one per JVM.
         */
        public Builder aclAccountsFile(Path file) {
            this.aclAccountsFile = file;
            return this;
        }

        /** Where the cluster's temporary directory is created; the system temp dir by default. */
        public Builder parentDirectory(Path dir) {
            this.parentDir = dir;
            return this;
        }

        /** How long start-up, topic creation and restarts may wait for the routes; 30 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How often the NameServers look for silent brokers; 1 s by default. */
        public Builder expiryScanInterval(Duration interval) {
            this.expiryScanInterval = interval;
            return this;
        }

        /**
         * TLS on the NameServers' ports. Brokers take theirs from RocketMQ's {@code tls.*} keys given with
         * {@link #brokerSetting} (their registration uses TLS when the mode is enforcing or {@code tls.enable}).
         */
        public Builder nameServerTls(TlsServerSettings tls) {
            this.nameServerTls = tls;
            return this;
        }

        /** Starts the cluster; if any part fails, what was started is stopped and the directory deleted. */
        public EmbeddedCluster start() {
            EmbeddedCluster cluster = new EmbeddedCluster(this, TempDirectory.create(parentDir, "embedded-cluster-"));
            try {
                cluster.startAll();
                return cluster;
            } catch (RuntimeException | Error e) {
                try {
                    cluster.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }
}
