package io.couriermq.clientcompat.scenario;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import java.util.Map;

/**
 * Our consumer answering our broker, asked by the official 5.2.0 admin: the broker relays running info
 * (307), consumer status (223 -> 221) and direct consumption (309), and tells the client of a reset by
 * time (222 -> 220).
 */
class CourierAdminCallbacksIT extends AdminCallbackScenarios {

    @Override
    protected ClusterUnderTest.Kind kind() {
        return ClusterUnderTest.Kind.COURIER;
    }

    @Override
    protected Map<String, String> brokerSettings() {
        return Map.of();
    }
}
