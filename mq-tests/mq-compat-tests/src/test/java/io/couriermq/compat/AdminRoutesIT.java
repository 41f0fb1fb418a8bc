package io.couriermq.compat;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof 3: DefaultMQAdminExt reads the broker and the topic from our NameServer. The steps and their
 * assertions live in {@link AdminScenario}, shared with {@link BinaryHeaderIT}.
 */
class AdminRoutesIT {

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.of(Broker.Settings.defaults());

    @Test
    void examineBrokerClusterInfoReturnsTheBroker() throws Exception {
        AdminScenario.clusterInfoShowsTheBroker(cluster);
    }

    @Test
    void examineTopicRouteInfoReturnsTheTopic() throws Exception {
        AdminScenario.topicRouteShowsTheTopicOnTheBroker(cluster);
    }

    @Test
    void examineTopicRouteInfoOfAnUnknownTopicIsTopicNotExist() {
        AdminScenario.unknownTopicIsTopicNotExist(cluster);
    }
}
