package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.acl.AclConfig;
import io.couriermq.acl.check.DenialReason;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brokers with aclEnable=true against a NameServer whose ACL is on: a broker signing with an admin
 * account's innerClientAuthenticationCredentials registers (its routes answer an unsigned lookup) and
 * unregisters; one without credentials is refused and never appears. One NameServer for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerNameServerAclIT {
    private static final String ACCOUNTS = """
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                defaultTopicPerm: PUB|SUB
              - accessKey: rocketmq2
                secretKey: 12345678
                admin: true
            """;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private Path dir;
    private Path accounts;
    private NameServer nameServer;
    private NettyRemotingClient anonymous;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        accounts = dir.resolve("conf/plain_acl.yml");
        Files.createDirectories(accounts.getParent());
        Files.writeString(accounts, ACCOUNTS);
        nameServer = cluster.startNameServer(
                config -> config.withAcl(AclConfig.defaults().withAccountsFile(accounts)));
        anonymous = cluster.client();
    }

    @Test
    void aBrokerSigningAsAnAdminRegistersAndUnregisters() {
        Broker broker = broker("broker-signed", "{\"accessKey\":\"rocketmq2\",\"secretKey\":\"12345678\"}");
        try {
            broker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> routeHas("TBW102", "broker-signed"));
            assertThat(nameServer.aclRefusals().total()).isZero();
        } finally {
            broker.shutdown();
        }
        assertThat(routeHas("TBW102", "broker-signed"))
                .as("the signed UNREGISTER_BROKER was accepted")
                .isFalse();
    }

    @Test
    void aBrokerWithoutCredentialsIsRefusedAndNeverListed() {
        long refusedBefore = nameServer.aclRefusals().count(DenialReason.NO_ACCESS_KEY);
        Broker broker = broker("broker-unsigned", null);
        try {
            broker.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> nameServer.aclRefusals().count(DenialReason.NO_ACCESS_KEY) > refusedBefore);
            assertThat(nameServer.routes().snapshot().clusterInfo().brokerAddrTable())
                    .doesNotContainKey("broker-unsigned");
        } finally {
            broker.shutdown();
        }
    }

    private Broker broker(String name, String innerCredentials) {
        Map<String, String> conf = LocalCluster.smallFiles(
                Map.of("brokerName", name, "namesrvAddr", LocalCluster.address(nameServer), "aclEnable", "true"));
        if (innerCredentials != null) {
            conf.put("innerClientAuthenticationCredentials", innerCredentials);
        }
        BrokerSettings settings = LocalCluster.brokerSettings(dir.resolve(name), conf);
        return new Broker(settings.withAcl(settings.acl().withAccountsFile(accounts)), Clock.system());
    }

    private boolean routeHas(String topic, String brokerName) {
        RemotingCommand response = anonymous.invokeSync(
                LocalCluster.address(nameServer),
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build(),
                3_000);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            return false;
        }
        return RemotingJson.decode(response.body(), TopicRouteData.class).brokerDatas().stream()
                .anyMatch(data -> data.brokerName().equals(brokerName));
    }
}
