package io.couriermq.test;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broker of an {@link EmbeddedCluster}: its name, its place in its broker group, its store directory
 * and its ports, which outlive the {@link Broker} instance running on them, so a restart comes back on
 * the same address, HA port and store.
 *
 * <p>A master's name is its brokerName ({@code broker-a}); a slave's is the brokerName with its brokerId
 * ({@code broker-a-s1}), registered under the master's brokerName.
 */
public final class EmbeddedBroker {

    /** Small segments: room for the 4 MiB maximum message, little disk per test. */
    static final Map<String, String> TEST_DEFAULTS = Map.of(
            "mappedFileSizeCommitLog", String.valueOf(16 << 20),
            "mappedFileSizeConsumeQueue", String.valueOf(20 * 10_000));

    private final String name;
    private final Role role;
    private final Path storeDir;
    private final int haPort;
    private final Map<String, String> entries;
    private final Path aclAccountsFile;
    private Broker running;
    private int port;

    /**
     * A broker's place in its group: a master (brokerId 0, ASYNC_MASTER or SYNC_MASTER) or a slave
     * (brokerId 1 and up) copying from {@code masterHaAddress}.
     */
    record Role(String brokerName, long brokerId, BrokerRole brokerRole, String masterHaAddress) {
        static Role master(String brokerName, BrokerRole role) {
            return new Role(brokerName, 0, role, null);
        }

        static Role slave(EmbeddedBroker master, long brokerId) {
            return new Role(master.brokerName(), brokerId, BrokerRole.SLAVE, master.haAddress());
        }

        String nodeName() {
            return brokerId == 0 ? brokerName : brokerName + "-s" + brokerId;
        }
    }

    /**
     * Settings in this order: the test defaults, the cluster's ({@code overrides}), then what makes this
     * broker what it is (name, id, role, master's HA address), which overrides cannot change.
     */
    EmbeddedBroker(
            Role role,
            String clusterName,
            String nameServerAddress,
            Path storeDir,
            Map<String, String> overrides,
            Path aclAccountsFile) {
        this.name = role.nodeName();
        this.aclAccountsFile = aclAccountsFile;
        this.role = role;
        this.storeDir = storeDir;
        // Picked now rather than left to the broker: slaves must be told it before it starts, and a
        // restart must come back on it (with listenPort fixed, the default listenPort + 1 may be taken).
        this.haPort = freePort();
        Map<String, String> settings = new LinkedHashMap<>(TEST_DEFAULTS);
        settings.put("brokerClusterName", clusterName);
        settings.put("namesrvAddr", nameServerAddress);
        settings.put("brokerIP1", EmbeddedCluster.HOST);
        settings.put("listenPort", "0");
        settings.put("haListenPort", String.valueOf(haPort));
        settings.putAll(overrides);
        settings.put("brokerName", role.brokerName());
        settings.put("brokerId", String.valueOf(role.brokerId()));
        settings.put("brokerRole", role.brokerRole().name());
        if (role.masterHaAddress() != null) {
            settings.put("haMasterAddress", role.masterHaAddress());
        }
        this.entries = Map.copyOf(settings);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedCluster.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a broker's HA listener", e);
        }
    }

    /** Starts on a free port the first time, on the same port afterwards; the store is reopened. */
    void start() {
        if (running != null) {
            throw new IllegalStateException("broker " + name + " is already running");
        }
        Map<String, String> settings = new LinkedHashMap<>(entries);
        if (port != 0) {
            settings.put("listenPort", String.valueOf(port));
        }
        BrokerSettings loaded = BrokerSettingsLoader.load(settings, storeDir, EmbeddedCluster.HOST);
        if (aclAccountsFile != null) {
            loaded = loaded.withAcl(loaded.acl().withAccountsFile(aclAccountsFile));
        }
        Broker broker = new Broker(loaded, Clock.system());
        broker.start();
        running = broker;
        port = broker.listenPort();
    }

    /** Clean shutdown: unregisters, answers what is in flight, flushes and checkpoints the store. */
    void stop() {
        if (running != null) {
            Broker broker = running;
            running = null;
            broker.shutdown();
        }
    }

    /** {@link Broker#halt()}: no unregistration, connections dropped, the store left as after a crash. */
    void crash() {
        if (running != null) {
            Broker broker = running;
            running = null;
            broker.halt();
        }
    }

    /** {@code broker-a} for a master, {@code broker-a-s1} for its first slave: unique in the cluster. */
    public String name() {
        return name;
    }

    /** The broker group's name, the master's and its slaves' alike, as registered with the NameServers. */
    public String brokerName() {
        return role.brokerName();
    }

    /** 0 for the master, 1 and up for slaves. */
    public long brokerId() {
        return role.brokerId();
    }

    public BrokerRole role() {
        return role.brokerRole();
    }

    public boolean isMaster() {
        return role.brokerRole().isMaster();
    }

    /** The HA port (haListenPort) this broker is configured with; stable across restarts. */
    public int haPort() {
        return haPort;
    }

    /** {@code 127.0.0.1:haPort}: what this master's slaves are given as haMasterAddress. */
    public String haAddress() {
        return EmbeddedCluster.HOST + ":" + haPort;
    }

    /** The broker.conf entries it starts with (after the first start the listenPort is its own). */
    public Map<String, String> settings() {
        return entries;
    }

    /** {@code 127.0.0.1:port}, the address registered with the NameServers; stable across restarts. */
    public String address() {
        if (port == 0) {
            throw new IllegalStateException("broker " + name + " was never started");
        }
        return EmbeddedCluster.HOST + ":" + port;
    }

    public boolean isRunning() {
        return running != null;
    }

    /** The running broker, for tests that look inside (store, topics, offsets). */
    public Broker broker() {
        if (running == null) {
            throw new IllegalStateException("broker " + name + " is not running");
        }
        return running;
    }

    public Path storeDir() {
        return storeDir;
    }
}
