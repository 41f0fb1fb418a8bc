package io.couriermq.compat.harness;

import static org.awaitility.Awaitility.await;

import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** The official admin client (what {@code mqadmin} uses), pointed at one NameServer. */
public final class Admin implements AutoCloseable {

    private final DefaultMQAdminExt admin;

    private Admin(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    public static Admin connect(String nameServerAddress) {
        return connect(nameServerAddress, null);
    }

    /** An admin client whose requests go through {@code hook} (an ACL signer), or none when null. */
    public static Admin connect(String nameServerAddress, RPCHook hook) {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook, 3_000);
        admin.setNamesrvAddr(nameServerAddress);
        admin.setVipChannelEnabled(false);
        // Two admins in one JVM (or a leftover one) must not share a client instance.
        admin.setInstanceName("compat-admin-" + UUID.randomUUID());
        try {
            admin.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("admin client did not start", e);
        }
        return new Admin(admin);
    }

    public DefaultMQAdminExt raw() {
        return admin;
    }

    public ClusterInfo clusterInfo() throws Exception {
        return admin.examineBrokerClusterInfo();
    }

    /** The NameServer's route for {@code topic}, empty when it answers TOPIC_NOT_EXIST. */
    public Optional<TopicRouteData> route(String topic) throws Exception {
        try {
            return Optional.of(admin.examineTopicRouteInfo(topic));
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether the NameServer lists {@code broker}'s address as master of its broker name. */
    public boolean isRegistered(Broker broker) throws Exception {
        BrokerData data = clusterInfo().getBrokerAddrTable().get(broker.brokerName());
        return data != null && broker.address().equals(data.getBrokerAddrs().get(0L));
    }

    /**
     * Creates {@code topic} on the broker. The broker then re-registers with the NameServer, which is
     * the only way a topic reaches it; this waits until the NameServer serves the route.
     */
    public TopicRouteData createTopic(Broker broker, String topic, int queues, Duration timeout) throws Exception {
        TopicConfig config = new TopicConfig(topic, queues, queues);
        // The broker writes its topic table to disk before it answers, and a disk busy with other work can
        // hold that past the client's 3 s; creating a topic again is harmless.
        for (int attempt = 1; ; attempt++) {
            try {
                admin.createAndUpdateTopicConfig(broker.address(), config);
                break;
            } catch (RemotingTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        return await("route of " + topic + " at the NameServer")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> route(topic), Optional::isPresent)
                .orElseThrow();
    }

    public static Map<String, BrokerData> brokers(ClusterInfo info) {
        return info.getBrokerAddrTable() == null ? Map.of() : info.getBrokerAddrTable();
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
