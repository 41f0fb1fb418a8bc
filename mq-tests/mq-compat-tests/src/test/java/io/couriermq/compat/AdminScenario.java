package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/** What the official admin client (mqadmin) reads from the NameServer. */
final class AdminScenario {

    private static final int QUEUES = 3;

    private AdminScenario() {}

    static void clusterInfoShowsTheBroker(CompatCluster cluster) throws Exception {
        Broker broker = cluster.broker();

        ClusterInfo info = cluster.admin().raw().examineBrokerClusterInfo();

        assertThat(info.getClusterAddrTable()).containsEntry(broker.clusterName(), Set.of(broker.brokerName()));
        assertThat(Admin.brokers(info)).containsOnlyKeys(broker.brokerName());
        assertThat(Admin.brokers(info).get(broker.brokerName()).getBrokerAddrs())
                .isEqualTo(Map.of(0L, broker.address()));
    }

    static void topicRouteShowsTheTopicOnTheBroker(CompatCluster cluster) throws Exception {
        Broker broker = cluster.broker();
        String topic = "CompatAdminTopic-" + UUID.randomUUID().toString().substring(0, 8);
        cluster.admin().createTopic(broker, topic, QUEUES, Duration.ofSeconds(30));

        TopicRouteData route = cluster.admin().raw().examineTopicRouteInfo(topic);

        assertThat(route.getQueueDatas()).singleElement().satisfies(queues -> {
            assertThat(queues.getBrokerName()).isEqualTo(broker.brokerName());
            assertThat(queues.getReadQueueNums()).isEqualTo(QUEUES);
            assertThat(queues.getWriteQueueNums()).isEqualTo(QUEUES);
            assertThat(queues.getPerm()).isEqualTo(PermName.PERM_READ | PermName.PERM_WRITE);
        });
        assertThat(route.getBrokerDatas()).singleElement().satisfies(data -> {
            assertThat(data.getCluster()).isEqualTo(broker.clusterName());
            assertThat(data.getBrokerName()).isEqualTo(broker.brokerName());
            assertThat(data.getBrokerAddrs()).isEqualTo(Map.of(0L, broker.address()));
        });
        assertThat(cluster.admin().raw().fetchAllTopicList().getTopicList()).contains(topic);
        // After a topic is created the broker re-registers with only that topic in the body: the
        // NameServer must merge it, not replace the broker's topic table.
        assertThat(cluster.admin().route(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC))
                .as("route of TBW102 after an incremental registration")
                .isPresent();
    }

    static void unknownTopicIsTopicNotExist(CompatCluster cluster) {
        MQClientException error = catchThrowableOfType(
                MQClientException.class,
                () -> cluster.admin().raw().examineTopicRouteInfo("NoSuchTopic-" + UUID.randomUUID()));

        assertThat(error.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }
}
