package io.couriermq.clientcompat;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

class RocketMQClusterSmokeIT extends ClusterSmokeScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }
}
