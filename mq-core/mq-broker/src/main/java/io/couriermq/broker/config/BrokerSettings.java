package io.couriermq.broker.config;

import io.couriermq.store.StoreConfig;
import java.util.List;

/**
 * Everything a broker is configured with: its own settings, its store's, replication's, and the keys that were given
 * but mean nothing to CourierMQ (reported at start-up rather than silently ignored).
 */
public record BrokerSettings(BrokerConfig broker, StoreConfig store, HaConfig ha, List<String> unknownKeys) {

    public BrokerSettings {
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Settings without replication keys (defaults). */
    public BrokerSettings(BrokerConfig broker, StoreConfig store, List<String> unknownKeys) {
        this(broker, store, HaConfig.defaults(), unknownKeys);
    }
}
