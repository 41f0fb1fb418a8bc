package io.couriermq.harness.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** A NameServer running in its own process, ours or the official one. */
public interface NameServer extends AutoCloseable {

    /** Set to {@code official} to validate the tests themselves against Apache RocketMQ's NameServer. */
    String KIND_PROPERTY = "compat.namesrv";

    /** How often a NameServer under test scans for silent brokers; short, so expiry proofs are quick. */
    Duration EXPIRY_SCAN_INTERVAL = Duration.ofMillis(500);

    Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** {@code 127.0.0.1:port}, as clients and brokers are configured with it. */
    String address();

    Kind kind();

    ManagedProcess process();

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

    /** Starts the NameServer kind chosen by {@value #KIND_PROPERTY}, its files under {@code dir}. */
    static NameServer startSelected(Path dir) {
        return switch (Kind.selected()) {
            case COURIER -> CourierNameServer.start(dir);
            case OFFICIAL -> OfficialNameServer.start(dir);
        };
    }
}
