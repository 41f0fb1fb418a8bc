package io.couriermq.harness.process;

import java.nio.file.Path;
import java.time.Duration;

/** A NameServer running in its own process, ours or the official one. */
public interface NameServer extends AutoCloseable {

    /** Set to {@code official} to validate the tests themselves against Apache RocketMQ's NameServer. */
    String KIND_PROPERTY = "compat.namesrv";

    /** How often a NameServer under test scans for silent brokers; short, so expiry proofs are quick. */
    Duration EXPIRY_SCAN_INTERVAL = Duration.ofMillis(500);

    Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** {@code 127.0.0.1:port}, as clients and brokers are configured with it. */
    String address();

    ServerKind kind();

    ManagedProcess process();

    @Override
    void close();

    /** Starts the NameServer kind chosen by {@value #KIND_PROPERTY}, its files under {@code dir}. */
    static NameServer startSelected(Path dir) {
        return start(ServerKind.selected(KIND_PROPERTY), dir);
    }

    /** Starts a NameServer of {@code kind}, its files under {@code dir}. */
    static NameServer start(ServerKind kind, Path dir) {
        return switch (kind) {
            case COURIER -> CourierNameServer.start(dir);
            case OFFICIAL -> OfficialNameServer.start(dir);
        };
    }
}
