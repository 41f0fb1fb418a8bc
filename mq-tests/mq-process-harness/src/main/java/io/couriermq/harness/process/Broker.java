package io.couriermq.harness.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A broker running in its own process: ours (the mq-broker-boot jar) or Apache RocketMQ 5.2.0's. */
public interface Broker extends AutoCloseable {

    /** Set to {@code official} to validate the broker tests themselves against Apache RocketMQ's broker. */
    String KIND_PROPERTY = "compat.broker";

    /**
     * A bound for a broker that will not start, not a timing claim: a JVM start plus store recovery took 57 s
     * on this 2-core machine at load average 20.
     */
    Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * System property: {@code false} makes a start of our broker return once its port is open, before
     * Spring has finished (the launch figure measures exactly that); by default it returns once Spring has,
     * so a test does not compete with the rest of the start-up or see a process not yet complete.
     */
    String AWAIT_SPRING_STARTED = "harness.awaitSpringStarted";

    String ASYNC_MASTER = "ASYNC_MASTER";
    String SYNC_MASTER = "SYNC_MASTER";
    String SLAVE = "SLAVE";

    /** How long a SIGTERM-ed broker may take to shut down (flush, persist offsets, unregister). */
    Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** {@code 127.0.0.1:listenPort}: the address the broker registers and clients connect to. */
    String address();

    String clusterName();

    /** The broker group's name, shared by a master and its slaves. */
    String brokerName();

    /** 0 for a master, 1 and up for a slave. */
    long brokerId();

    /** broker.conf's brokerRole: ASYNC_MASTER, SYNC_MASTER or SLAVE. */
    String role();

    /** The free port picked for the broker's HA listener (haListenPort), kept across restarts. */
    int haPort();

    /** {@code 127.0.0.1:haPort}: what a slave of this broker is given as haMasterAddress. */
    default String haAddress() {
        return "127.0.0.1:" + haPort();
    }

    /** Unique in a cluster: the brokerName for a master, {@code <brokerName>-s<brokerId>} for a slave. */
    default String name() {
        return brokerId() == 0 ? brokerName() : brokerName() + "-s" + brokerId();
    }

    default boolean isMaster() {
        return !role().equals(SLAVE);
    }

    ServerKind kind();

    /** The current process; a new one after {@link #restart()}. */
    ManagedProcess process();

    /**
     * SIGTERM, then waits until the process has exited: the broker runs its shutdown (persisting
     * offsets, unregistering from the NameServer). Fails, after a SIGKILL, if it does not exit in time.
     */
    void stop();

    /** {@link #stop()} if running, then starts again on the same port and store; returns when the port is open. */
    void restart();

    /** Kills the process tree and deletes the store; logs stay for a post-mortem. */
    @Override
    void close();

    /** Starts a broker of {@code kind} registering with {@code nameServerAddress}, its files under {@code dir}. */
    static Broker start(ServerKind kind, String nameServerAddress, Path dir, Settings settings) {
        return switch (kind) {
            case COURIER -> CourierBroker.start(nameServerAddress, dir, settings);
            case OFFICIAL -> OfficialBroker.start(nameServerAddress, dir, settings);
        };
    }

    /**
     * @param properties extra broker.conf entries, applied last. Keys both brokers know (RocketMQ's
     *     names, e.g. {@code autoCreateTopicEnable}, {@code brokerRole}) mean the same to both; official-only
     *     keys (NettyServerConfig, acting-master settings) are reported as unknown by ours.
     * @param serializeType {@code JSON}, {@code ROCKETMQ} or null for the default (JSON): the header
     *     type of the official broker's own requests. Ours answers in the type of each request.
     * @param homeDir the broker's {@code -Drocketmq.home.dir} (ROCKETMQ_HOME), where both brokers read
     *     {@code conf/plain_acl.yml} when {@code aclEnable=true}; null for the default (the official broker:
     *     {@code <dir>/home}; ours: none). Shared with the test, which writes and edits the files there.
     * @param jvmOptions the broker JVM's heap and GC options, in place of the harness's small heap; empty for
     *     the JVM's own defaults (a side-by-side benchmark gives both brokers the same options).
     */
    record Settings(
            String clusterName,
            String brokerName,
            Map<String, String> properties,
            String serializeType,
            Path homeDir,
            List<String> jvmOptions) {

        public Settings {
            properties = Map.copyOf(properties);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Settings(
                String clusterName,
                String brokerName,
                Map<String, String> properties,
                String serializeType,
                Path homeDir) {
            this(clusterName, brokerName, properties, serializeType, homeDir, Jvm.SMALL_HEAP);
        }

        public Settings(String clusterName, String brokerName, Map<String, String> properties, String serializeType) {
            this(clusterName, brokerName, properties, serializeType, null);
        }

        public static Settings defaults() {
            return new Settings("CompatCluster", "compat-broker-a", Map.of(), null);
        }

        public Settings withProperties(Map<String, String> extra) {
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.putAll(extra);
            return new Settings(clusterName, brokerName, merged, serializeType, homeDir, jvmOptions);
        }

        public Settings withSerializeType(String type) {
            return new Settings(clusterName, brokerName, properties, type, homeDir, jvmOptions);
        }

        /** The same settings with {@code -Drocketmq.home.dir=home} (see {@link #homeDir()}). */
        public Settings withHomeDir(Path home) {
            return new Settings(clusterName, brokerName, properties, serializeType, home, jvmOptions);
        }

        /** The same settings with these JVM options (heap, GC) instead of the harness's small heap. */
        public Settings withJvmOptions(List<String> options) {
            return new Settings(clusterName, brokerName, properties, serializeType, homeDir, options);
        }

        /** The broker's name in a cluster: brokerName for a master, {@code <brokerName>-s<brokerId>} for a slave. */
        public String name() {
            String id = properties.getOrDefault("brokerId", "0").trim();
            return id.equals("0") ? brokerName : brokerName + "-s" + id;
        }

        /** A master of {@code role} ({@value #ASYNC_MASTER} or {@value #SYNC_MASTER}), brokerId 0. */
        public Settings asMaster(String role) {
            if (role.equals(SLAVE)) {
                throw new IllegalArgumentException("a master's role is ASYNC_MASTER or SYNC_MASTER, not SLAVE");
            }
            return withProperties(Map.of("brokerId", "0", "brokerRole", role));
        }

        /**
         * Slave {@code brokerId} (1 and up) of {@code master}: its cluster and brokerName, brokerRole SLAVE,
         * haMasterAddress the master's HA port.
         */
        public Settings asSlaveOf(Broker master, long brokerId) {
            if (brokerId < 1) {
                throw new IllegalArgumentException("a slave's brokerId is 1 or more, was " + brokerId);
            }
            return new Settings(
                            master.clusterName(), master.brokerName(), properties, serializeType, homeDir, jvmOptions)
                    .withProperties(Map.of(
                            "brokerId",
                            Long.toString(brokerId),
                            "brokerRole",
                            SLAVE,
                            "haMasterAddress",
                            master.haAddress()));
        }
    }
}
