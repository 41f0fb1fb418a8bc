package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.util.Map;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proof 1: an Apache RocketMQ 5.2.0 broker registers with our NameServer. */
class BrokerRegistrationIT {

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.of(Broker.Settings.defaults());

    @Test
    void clusterInfoListsTheBrokerAsMasterOfItsCluster() throws Exception {
        Broker broker = cluster.broker();

        ClusterInfo info = cluster.admin().clusterInfo();

        assertThat(info.getClusterAddrTable())
                .containsKey(broker.clusterName())
                .extractingByKey(broker.clusterName())
                .satisfies(names -> assertThat(names).containsExactly(broker.brokerName()));
        BrokerData data = Admin.brokers(info).get(broker.brokerName());
        assertThat(data).isNotNull();
        assertThat(data.getCluster()).isEqualTo(broker.clusterName());
        assertThat(data.getBrokerAddrs()).containsExactlyEntriesOf(Map.of(0L, broker.address()));
    }

    @Test
    void theRegisteredTopicTableIsRoutable() throws Exception {
        // With autoCreateTopicEnable the broker registers TBW102, the template producers use for
        // topics that do not exist yet; its route can only come from the REGISTER_BROKER body.
        TopicRouteData route = cluster.admin()
                .route(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC)
                .orElseThrow(() -> new AssertionError("no route for TBW102"));

        assertThat(route.getQueueDatas()).singleElement().satisfies(queues -> assertThat(queues.getBrokerName())
                .isEqualTo(cluster.broker().brokerName()));
        assertThat(route.getBrokerDatas()).singleElement().satisfies(data -> assertThat(data.getBrokerAddrs())
                .containsEntry(0L, cluster.broker().address()));
    }
}
