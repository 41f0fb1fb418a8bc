package io.couriermq.clientcompat.spring;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;

class CourierSpringStarterIT extends SpringStarterScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.COURIER;
    }
}
