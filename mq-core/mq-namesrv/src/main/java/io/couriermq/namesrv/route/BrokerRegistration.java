package io.couriermq.namesrv.route;

import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.Map;

/**
 * One REGISTER_BROKER, decoded.
 *
 * @param topics the broker's topic table, or null when the registration carried none
 * @param timeoutMillis how long the broker may stay silent before its routes are dropped
 * @param enableActingMaster whether the group runs in acting-master mode (reported back in routes)
 */
public record BrokerRegistration(
        String clusterName,
        String brokerName,
        String brokerAddr,
        long brokerId,
        String haServerAddr,
        DataVersion dataVersion,
        Map<String, TopicConfig> topics,
        long timeoutMillis,
        boolean enableActingMaster,
        RemotingChannel channel) {

    public static final long MASTER_ID = 0L;

    public BrokerKey key() {
        return new BrokerKey(clusterName, brokerAddr);
    }

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
