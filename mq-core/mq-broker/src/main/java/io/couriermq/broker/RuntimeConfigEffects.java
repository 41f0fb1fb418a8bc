package io.couriermq.broker;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.RuntimeBrokerConfig;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.store.RetentionPolicy;
import io.couriermq.store.StoreMaintenance;

/**
 * What a run-time configuration change sets in motion beyond the values read live (sends read
 * brokerPermission and autoCreateTopicEnable, the pull advice slaveReadEnable): the store gets the new
 * retention policy; a new brokerPermission is registered with the NameServers at once under a new topic
 * data version; autoCreateTopicEnable adds or removes the TBW102 template (registered at once too);
 * autoCreateSubscriptionGroup reaches the group manager.
 */
final class RuntimeConfigEffects {
    private RuntimeConfigEffects() {}

    static void wire(
            RuntimeBrokerConfig config,
            StoreMaintenance store,
            TopicConfigManager topics,
            SubscriptionGroupManager groups) {
        config.onChange((previous, current) -> {
            apply(previous, current, store, topics);
            groups.autoCreate(current.broker().autoCreateSubscriptionGroup());
        });
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
        if (previous.broker().autoCreateTopicEnable() != current.broker().autoCreateTopicEnable()) {
            topics.autoCreateTemplate(current.broker().autoCreateTopicEnable());
        }
    }
}
