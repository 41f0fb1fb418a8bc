package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import java.util.Map;

/**
 * Our consumer answering Apache RocketMQ 5.2.0's broker, asked by the official 5.2.0 admin. The broker
 * resets offsets the classic way, telling each client with RESET_CONSUMER_CLIENT_OFFSET (220), so the
 * reset scenario proves our client's answer to it; {@link RocketMQServerSideResetIT} runs the default.
 */
class RocketMQAdminCallbacksIT extends AdminCallbackScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }

    @Override
    protected Map<String, String> brokerSettings() {
        return Map.of("useServerSideResetOffset", "false");
    }
}
