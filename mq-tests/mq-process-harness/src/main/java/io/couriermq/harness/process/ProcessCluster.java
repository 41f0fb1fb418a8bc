package io.couriermq.harness.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * NameServers, master brokers and their slaves as child processes, on free ports, in RocketMQ's
 * deployment modes:
 *
 * <pre>{@code
 * ProcessCluster.builder(dir)                                  // single master
 * ProcessCluster.builder(dir).masters(2)                       // 2m-noslave
 * ProcessCluster.builder(dir).nameServers(2).masters(2).slavesPerMaster(1)        // 2m-2s-async
 * ProcessCluster.builder(dir).nameServers(2).masters(2).slavesPerMaster(1)
 *         .brokerRole(Broker.SYNC_MASTER).brokerSetting("flushDiskType", "SYNC_FLUSH")   // 2m-2s-sync
 * }</pre>
 *
 * <p>Broker groups are named {@code broker-a}, {@code broker-b}, ...; a master goes by its group's name,
 * a slave by the group's name and its brokerId ({@code broker-a-s1}). Every broker has an HA port of its
 * own and every slave its master's as haMasterAddress. {@link #killBroker}, {@link #stopBroker} and
 * {@link #restartBroker} act on one broker by name; a restart comes back on the same ports and store.
 *
 * <p>This module knows no protocol, so by itself {@link Builder#start()} returns when every port is
 * open. Give {@link Builder#registeredWhen} a check (a cluster-info query with the caller's client) and
 * start and restarts also wait until every NameServer has each broker.
 */
public final class ProcessCluster implements AutoCloseable {
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);

    private final Builder builder;
    private final List<NameServer> nameServers = new ArrayList<>();
    private final Map<String, Broker> brokers = new LinkedHashMap<>();

    private ProcessCluster(Builder builder) {
        this.builder = builder;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    private void startAll() {
        for (int i = 1; i <= builder.nameServers; i++) {
            nameServers.add(NameServer.start(builder.nameServerKind, builder.dir.resolve("namesrv-" + i)));
        }
        List<Broker> masters = new ArrayList<>();
        for (int i = 0; i < builder.masters; i++) {
            Broker.Settings settings = new Broker.Settings(
                            builder.clusterName, groupName(i), builder.brokerSettings, null)
                    .asMaster(builder.masterRole);
            masters.add(startBroker(settings));
        }
        for (Broker master : masters) {
            for (int id = 1; id <= builder.slavesPerMaster; id++) {
                startBroker(new Broker.Settings(builder.clusterName, master.brokerName(), builder.brokerSettings, null)
                        .asSlaveOf(master, id));
            }
        }
        brokers.values().forEach(this::awaitRegistered);
    }

    private Broker startBroker(Broker.Settings settings) {
        Broker broker =
                Broker.start(builder.brokerKind, nameServerAddress(), builder.dir.resolve(settings.name()), settings);
        brokers.put(broker.name(), broker);
        return broker;
    }

    /** {@code broker-a} for 0, {@code broker-b} for 1, ... */
    static String groupName(int index) {
        return "broker-" + (char) ('a' + index);
    }

    /** {@code 127.0.0.1:port;127.0.0.1:port}, as clients and brokers are configured with it. */
    public String nameServerAddress() {
        return nameServers.stream().map(NameServer::address).collect(Collectors.joining(";"));
    }

    public List<NameServer> nameServers() {
        return List.copyOf(nameServers);
    }

    /** The broker groups' names, which are also their masters' names. */
    public List<String> brokerNames() {
        return brokers.values().stream()
                .filter(Broker::isMaster)
                .map(Broker::name)
                .toList();
    }

    /** Every broker, masters first, then the slaves. */
    public List<Broker> brokers() {
        return List.copyOf(brokers.values());
    }

    /** The slaves of broker group {@code brokerName}, by brokerId. */
    public List<Broker> slaves(String brokerName) {
        return brokers.values().stream()
                .filter(broker -> !broker.isMaster() && broker.brokerName().equals(brokerName))
                .toList();
    }

    /** A broker by name: a group's name for its master, e.g. {@code broker-a-s1} for a slave. */
    public Broker broker(String name) {
        Broker broker = brokers.get(name);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + name + "; the cluster has " + brokers.keySet());
        }
        return broker;
    }

    /** {@code kill -9} of one broker: no shutdown hook, no unregistration, the store left as after a crash. */
    public void killBroker(String name) {
        broker(name).process().kill();
    }

    /** SIGTERM to one broker, waiting for its clean shutdown (it unregisters from the NameServers). */
    public void stopBroker(String name) {
        broker(name).stop();
    }

    /**
     * Starts one broker again on its ports and store (stopping it first if it runs; after
     * {@link #killBroker} it simply starts) and waits until it is registered again.
     */
    public void restartBroker(String name) {
        Broker broker = broker(name);
        broker.restart();
        awaitRegistered(broker);
    }

    private void awaitRegistered(Broker broker) {
        if (builder.registered == null) {
            return;
        }
        try {
            Awaitility.await("broker " + broker.name() + " registered at every NameServer " + nameServerAddress())
                    .atMost(REGISTRATION_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> nameServers.stream()
                            .allMatch(nameServer -> builder.registered.test(nameServer.address(), broker)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    e.getMessage() + "\n--- " + broker.process().logFile() + ":\n"
                            + broker.process().logTail(30),
                    e);
        }
    }

    /** Kills what runs (slaves first, then masters, then the NameServers) and deletes the stores. */
    @Override
    public void close() {
        List<Broker> stopOrder = new ArrayList<>(brokers.values());
        Collections.reverse(stopOrder);
        stopOrder.forEach(Broker::close);
        nameServers.forEach(NameServer::close);
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder {
        private final Path dir;
        private ServerKind nameServerKind = ServerKind.selected(NameServer.KIND_PROPERTY);
        private ServerKind brokerKind = ServerKind.selected(Broker.KIND_PROPERTY);
        private int nameServers = 1;
        private int masters = 1;
        private int slavesPerMaster = 0;
        private String masterRole = Broker.ASYNC_MASTER;
        private String clusterName = "DefaultCluster";
        private final Map<String, String> brokerSettings = new LinkedHashMap<>();
        private BiPredicate<String, Broker> registered;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** Whose NameServers and brokers: by default those chosen by compat.namesrv / compat.broker (ours). */
        public Builder kinds(ServerKind nameServerKind, ServerKind brokerKind) {
            this.nameServerKind = nameServerKind;
            this.brokerKind = brokerKind;
            return this;
        }

        public Builder nameServers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one NameServer, was " + count);
            }
            this.nameServers = count;
            return this;
        }

        /** Broker groups, each with one master named broker-a, broker-b, ...; default 1. */
        public Builder masters(int count) {
            if (count < 1 || count > 26) {
                throw new IllegalArgumentException("1..26 masters, was " + count);
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

        /** The masters' role: {@value Broker#ASYNC_MASTER} (the default) or {@value Broker#SYNC_MASTER}. */
        public Builder brokerRole(String role) {
            if (!role.equals(Broker.ASYNC_MASTER) && !role.equals(Broker.SYNC_MASTER)) {
                throw new IllegalArgumentException("brokerRole names the masters' role (ASYNC_MASTER or SYNC_MASTER),"
                        + " was " + role + "; add slaves with slavesPerMaster");
            }
            this.masterRole = role;
            return this;
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /** A broker.conf entry for every broker; brokerId, brokerRole and haMasterAddress are the cluster's. */
        public Builder brokerSetting(String key, String value) {
            brokerSettings.put(key, value);
            return this;
        }

        /**
         * When a broker counts as registered at one NameServer (given as {@code host:port}), e.g. its
         * GET_BROKER_CLUSTER_INFO lists {@code broker.address()} under {@code broker.brokerName()} and
         * {@code broker.brokerId()}. Start and restarts wait until it holds at every NameServer;
         * exceptions count as "not yet".
         */
        public Builder registeredWhen(BiPredicate<String, Broker> check) {
            this.registered = check;
            return this;
        }

        /** Starts the cluster; if any part fails, what was started is killed before the failure is thrown. */
        public ProcessCluster start() {
            ProcessCluster cluster = new ProcessCluster(this);
            try {
                cluster.startAll();
                return cluster;
            } catch (RuntimeException | AssertionError e) {
                cluster.close();
                throw e;
            }
        }
    }
}
