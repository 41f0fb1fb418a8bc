package io.couriermq.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin client against a scripted broker on a real socket: the shapes of GET/UPDATE_BROKER_CONFIG
 * (properties text) and what a broker without CourierMQ's extensions (as Apache RocketMQ's) answers.
 */
class ScriptedBrokerIT {
    private NettyRemotingServer server;
    private String address;
    private AdminClient admin;
    private final AtomicReference<String> updated = new AtomicReference<>();
    private final List<RemotingCommand> signed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        ExecutorService executor = server.newProcessorExecutor("scripted", 1, 16);
        server.registerProcessor(
                RequestCode.GET_BROKER_CONFIG,
                (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body("brokerName=broker-x\nflushDiskType=ASYNC_FLUSH\nmessageDelayLevel=1s 5s\n"
                                .getBytes(StandardCharsets.UTF_8))
                        .build(),
                executor);
        server.registerProcessor(
                RequestCode.UPDATE_BROKER_CONFIG,
                (context, request) -> {
                    String body = new String(request.body(), StandardCharsets.UTF_8);
                    if (body.contains("brokerName=")) {
                        return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION)
                                .remark("brokerName cannot change at run time")
                                .build();
                    }
                    updated.set(body);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .build();
                },
                executor);
        // as an ACL broker answers a bad signature (RocketMQ 5.2.0: SYSTEM_ERROR and the AclException);
        // unsigned requests pass, so the other tests need no credentials
        server.requestGuard((channel, request) -> {
            if (request.extField(RequestSignature.ACCESS_KEY) == null) {
                return null;
            }
            if (!RequestSignature.verify(request, "admin-secret-1")) {
                return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                        .remark("org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey="
                                + request.extField(RequestSignature.ACCESS_KEY))
                        .build();
            }
            signed.add(request);
            return null;
        });
        server.start();
        address = "127.0.0.1:" + server.localPort();
        admin = AdminClient.connect(List.of(address), Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        admin.close();
        server.shutdown();
    }

    @Test
    void brokerConfigIsReadFromPropertiesTextAndUpdatedAsPropertiesText() {
        assertThat(admin.cluster().brokerConfig(address))
                .containsExactly(
                        Map.entry("brokerName", "broker-x"),
                        Map.entry("flushDiskType", "ASYNC_FLUSH"),
                        Map.entry("messageDelayLevel", "1s 5s"));

        admin.cluster().updateBrokerConfig(address, Map.of("maxMessageSize", "1024", "flushIntervalCommitLog", "200"));
        assertThat(updated.get()).isEqualTo("flushIntervalCommitLog=200\nmaxMessageSize=1024\n");

        assertThatThrownBy(() -> admin.cluster().updateBrokerConfig(address, Map.of("brokerName", "other")))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("UPDATE_BROKER_CONFIG to " + address + " answered NO_PERMISSION (16)")
                .hasMessageContaining("brokerName cannot change at run time")
                .satisfies(e -> assertThat(((AdminException) e).responseCode()).hasValue(16));
    }

    @Test
    void anAdminClientWithCredentialsSignsEveryRequestAndAWrongSecretIsRefusedWithTheBrokersRemark() {
        try (AdminClient signedAdmin = AdminClient.connect(
                        List.of(address), Duration.ofSeconds(3), new Credentials("AdminApp", "admin-secret-1"));
                AdminClient wrongSecret = AdminClient.connect(
                        List.of(address), Duration.ofSeconds(3), new Credentials("AdminApp", "not-the-secret"))) {
            assertThat(signedAdmin.cluster().brokerConfig(address)).containsEntry("brokerName", "broker-x");
            assertThatThrownBy(() -> wrongSecret.cluster().brokerConfig(address))
                    .isInstanceOf(AdminException.class)
                    .hasMessageContaining("GET_BROKER_CONFIG to " + address + " answered SYSTEM_ERROR (1)")
                    .hasMessageContaining("Check signature failed for accessKey=AdminApp")
                    .hasMessageNotContaining("admin-secret-1")
                    .hasMessageNotContaining("not-the-secret");
        }

        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).extField(RequestSignature.ACCESS_KEY)).isEqualTo("AdminApp");
        assertThat(signed.get(0).extField(RequestSignature.SIGNATURE)).isNotBlank();
    }

    @Test
    void aBrokerWithoutTheExtensionsIsNamedInTheError() {
        assertThatThrownBy(() -> admin.deadLetters().resend(address, "7F00000100002A9F0000000000000000"))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("RESEND_DEAD_LETTER to " + address + " answered REQUEST_CODE_NOT_SUPPORTED")
                .hasMessageContaining("does not support RESEND_DEAD_LETTER, a CourierMQ extension");
        assertThatThrownBy(() -> admin.pending().list(address, "broker-x", "Orders", 10))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("does not support LIST_PENDING_DELIVERIES");
    }

    @Test
    void anUnreachableBrokerIsNamedWithTheRequest() {
        server.shutdown();

        assertThatThrownBy(() -> admin.cluster().runtime(address))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("GET_BROKER_RUNTIME_INFO to " + address + " failed")
                .satisfies(e -> assertThat(((AdminException) e).responseCode()).isEmpty());
    }
}
