package io.couriermq.broker;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.RuntimeBrokerConfig;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.store.RetentionPolicy;
import io.couriermq.store.StoreMaintenance;

/**
 * What a run-time configuration change sets in motion beyond the values read live (sends read
 * brokerPermission, the pull advice slaveReadEnable): the store gets the new retention policy, and a new
 * brokerPermission is registered with the NameServers at once under a new topic data version.
 */
final class RuntimeConfigEffects {
    private RuntimeConfigEffects() {}

    static void wire(RuntimeBrokerConfig config, StoreMaintenance store, TopicConfigManager topics) {
        config.onChange((previous, current) -> apply(previous, current, store, topics));
    }

    private static void apply(
            BrokerSettings previous, BrokerSettings current, StoreMaintenance store, TopicConfigManager topics) {
        RetentionPolicy policy = RetentionPolicy.of(current.store());
        if (!policy.equals(store.retentionPolicy())) {
            store.updateRetentionPolicy(policy);
        }
        if (previous.broker().brokerPermission() != current.broker().brokerPermission()) {
            topics.bumpDataVersion();
        }
    }
}
