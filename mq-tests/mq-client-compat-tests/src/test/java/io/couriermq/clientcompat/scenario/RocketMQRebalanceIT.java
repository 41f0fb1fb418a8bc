package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

class RocketMQRebalanceIT extends RebalanceScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }
}
