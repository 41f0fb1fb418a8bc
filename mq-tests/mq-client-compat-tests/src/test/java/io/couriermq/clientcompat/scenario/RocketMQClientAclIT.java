package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

/** {@link ClientAclScenarios} against Apache RocketMQ 5.2.0's NameServer and broker with ACL 1.0 on. */
class RocketMQClientAclIT extends ClientAclScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.ROCKETMQ;
    }
}
