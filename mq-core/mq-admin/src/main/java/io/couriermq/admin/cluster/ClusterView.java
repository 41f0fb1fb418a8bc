package io.couriermq.admin.cluster;

import java.util.List;

/** A cluster as the NameServers know it: its broker sets by name. */
public record ClusterView(String name, List<BrokerSetView> brokerSets) {
    public ClusterView {
        brokerSets = List.copyOf(brokerSets);
    }
}
