package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import java.util.Map;

/**
 * As {@link RocketMQAdminCallbacksIT} with the 5.2.0 broker's defaults: {@code useServerSideResetOffset}
 * is true, so a reset is not sent to the clients; the broker records it and answers the next pull of each
 * queue with OFFSET_MOVED to the reset offset, which our consumer follows.
 */
class RocketMQServerSideResetIT extends AdminCallbackScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }

    @Override
    protected Map<String, String> brokerSettings() {
        return Map.of();
    }
}
