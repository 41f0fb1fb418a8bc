package io.couriermq.clientcompat;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

class CourierClusterSmokeIT extends ClusterSmokeScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.COURIER;
    }
}
