package io.couriermq.namesrv.route;

import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.rpc.RemotingChannel;

/**
 * When a broker was last heard from, how long it may stay silent, and the topic-table version it
 * last registered. Replaced, never mutated, on every heartbeat.
 */
public record BrokerLiveness(
        BrokerKey key,
        String brokerName,
        long brokerId,
        String haServerAddr,
        DataVersion dataVersion,
        long lastUpdateMillis,
        long timeoutMillis,
        RemotingChannel channel) {

    public boolean isExpired(long nowMillis) {
        return lastUpdateMillis + timeoutMillis < nowMillis;
    }

    BrokerLiveness heardAt(long nowMillis) {
        return new BrokerLiveness(
                key, brokerName, brokerId, haServerAddr, dataVersion, nowMillis, timeoutMillis, channel);
    }
}
