package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** GET_ALL_SUBSCRIPTIONGROUP_CONFIG response: every group's config by name, with the table's version. */
public record SubscriptionGroupWrapper(
        Map<String, SubscriptionGroupConfig> subscriptionGroupTable, DataVersion dataVersion) {

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = Copies.orderedMap(subscriptionGroupTable);
    }
}
