package io.couriermq.remoting.protocol.body;

import java.util.Map;
import java.util.Set;

/** Every broker group by name, and the broker names of every cluster (GET_BROKER_CLUSTER_INFO). */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {}
