package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

/** {@link ClientAclScenarios} against our NameServer and broker with ACL 1.0 on (in this JVM). */
class CourierClientAclIT extends ClientAclScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.COURIER;
    }
}
