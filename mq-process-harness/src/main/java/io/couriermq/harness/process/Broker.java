package io.couriermq.harness.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A broker running in its own process: ours (the mq-broker-boot jar) or Apache RocketMQ 5.2.0's. */
public interface Broker extends AutoCloseable {

    /** Set to {@code official} to validate the broker tests themselves against Apache RocketMQ's broker. */
    String KIND_PROPERTY = "compat.broker";

    Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** How long a SIGTERM-ed broker may take to shut down (flush, persist offsets, unregister). */
    Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** {@code 127.0.0.1:listenPort}: the address the broker registers and clients connect to. */
    String address();

    String clusterName();

    String brokerName();

    Kind kind();

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

    enum Kind {
        COURIER,
        OFFICIAL;

        /** The kind chosen by the {@value #KIND_PROPERTY} system property; ours by default. */
        public static Kind selected() {
            String value = System.getProperty(KIND_PROPERTY, "courier").trim();
            return Kind.valueOf(value.isEmpty() ? "COURIER" : value.toUpperCase(Locale.ROOT));
        }
    }

    /** Starts a broker of {@code kind} registering with {@code nameServerAddress}, its files under {@code dir}. */
    static Broker start(Kind kind, String nameServerAddress, Path dir, Settings settings) {
        return switch (kind) {
            case COURIER -> CourierBroker.start(nameServerAddress, dir, settings);
            case OFFICIAL -> OfficialBroker.start(nameServerAddress, dir, settings);
        };
    }

    /**
     * @param properties extra broker.conf entries, applied last. Keys both brokers know (RocketMQ's
     *     names, e.g. {@code autoCreateTopicEnable}) mean the same to both; official-only keys
     *     (NettyServerConfig, acting-master settings) are reported as unknown by ours.
     * @param serializeType {@code JSON}, {@code ROCKETMQ} or null for the default (JSON): the header
     *     type of the official broker's own requests. Ours answers in the type of each request.
     */
    record Settings(String clusterName, String brokerName, Map<String, String> properties, String serializeType) {

        public Settings {
            properties = Map.copyOf(properties);
        }

        public static Settings defaults() {
            return new Settings("CompatCluster", "compat-broker-a", Map.of(), null);
        }

        public Settings withProperties(Map<String, String> extra) {
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.putAll(extra);
            return new Settings(clusterName, brokerName, merged, serializeType);
        }

        public Settings withSerializeType(String type) {
            return new Settings(clusterName, brokerName, properties, type);
        }
    }
}
