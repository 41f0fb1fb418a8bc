package io.couriermq.broker.config;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.DataVersion;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's configuration as it is now: what GET_BROKER_CONFIG shows and UPDATE_BROKER_CONFIG
 * changes. The parts that honour run-time changes read {@link #broker()} or {@link #ha()} when they act
 * (one volatile read), or are told through {@link #onChange}; everything else keeps the start-up value,
 * which is why only {@link BrokerConfigUpdate#RUNTIME_KEYS} may change. A change is written back to the
 * broker.conf the broker was started from, if any.
 */
public final class RuntimeBrokerConfig {
    private static final Logger log = LoggerFactory.getLogger(RuntimeBrokerConfig.class);

    /** Told of every applied change, on the thread that applied it. */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(BrokerSettings previous, BrokerSettings current);
    }

    private final Clock clock;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile BrokerSettings current;
    private volatile Map<String, String> boundPorts = Map.of();
    private DataVersion version;

    public RuntimeBrokerConfig(BrokerSettings initial, Clock clock) {
        this.current = initial;
        this.clock = clock;
        this.version = new DataVersion(clock.millis(), 0, 0);
    }

    public BrokerSettings settings() {
        return current;
    }

    public BrokerConfig broker() {
        return current.broker();
    }

    public HaConfig ha() {
        return current.ha();
    }

    public void onChange(ChangeListener listener) {
        listeners.add(listener);
    }

    /** The ports actually bound (configured as 0 in tests, or the HA port derived from listenPort). */
    public void boundPorts(int listenPort, int haListenPort) {
        boundPorts = Map.of(
                "listenPort", Integer.toString(listenPort),
                "haListenPort", Integer.toString(haListenPort));
    }

    /** Every key with the value in force, as GET_BROKER_CONFIG answers. */
    public Map<String, String> properties() {
        Map<String, String> properties = new TreeMap<>(BrokerConfigProperties.of(current));
        properties.putAll(boundPorts);
        return properties;
    }

    /** Bumped on every applied change, as RocketMQ's configuration data version is. */
    public synchronized DataVersion version() {
        return version;
    }

    /** Applies {@code requested} wholly, or nothing and says why. */
    public synchronized BrokerConfigUpdate.Outcome update(Map<String, String> requested) {
        if (requested.isEmpty()) {
            return new BrokerConfigUpdate.Outcome(current, null); // RocketMQ answers an empty body the same
        }
        BrokerConfigUpdate.Outcome outcome = BrokerConfigUpdate.apply(current, requested);
        if (outcome.isRefused()) {
            log.warn(
                    "broker configuration change {} refused: {}",
                    requested,
                    outcome.refusal().message());
            return outcome;
        }
        BrokerSettings previous = current;
        current = outcome.settings();
        version = new DataVersion(clock.millis(), version.counter() + 1, version.stateVersion());
        log.info("broker configuration changed at run time: {}", requested);
        listeners.forEach(listener -> listener.changed(previous, current));
        writeBack(requested);
        return outcome;
    }

    private void writeBack(Map<String, String> requested) {
        if (current.configFile() == null) {
            return;
        }
        try {
            BrokerConfFileWriter.update(current.configFile(), requested);
        } catch (IOException e) {
            log.error(
                    "the change {} is in force but could not be written to {}; it is lost at the next restart",
                    requested,
                    current.configFile(),
                    e);
        }
    }
}
