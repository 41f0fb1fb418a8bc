package io.couriermq.namesrv.route;

/** A broker process as the NameServer knows it: its cluster and the address clients use. */
public record BrokerKey(String clusterName, String brokerAddr) {}
