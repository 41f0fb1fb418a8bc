package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

class RocketMQFailoverIT extends FailoverScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }
}
