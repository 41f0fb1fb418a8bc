package io.couriermq.broker.client;

/** One member of a producer or consumer group: the client and the time of its last heartbeat. */
public record ClientChannelInfo(ClientIdentity identity, long lastHeartbeatMillis) {}
