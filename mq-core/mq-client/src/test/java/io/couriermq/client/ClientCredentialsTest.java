package io.couriermq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A runtime signs every request with its configuration's credentials, and only its own requests. */
class ClientCredentialsTest {
    private static final Credentials ORDERS = new Credentials("OrdersApp", "orders-secret-1", "token-7");

    private final List<RemotingCommand> received = new CopyOnWriteArrayList<>();
    private NettyRemotingServer nameServer;

    @BeforeEach
    void startNameServer() {
        nameServer = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        nameServer.registerProcessor(
                RequestCode.GET_BROKER_CLUSTER_INFO,
                (context, request) -> {
                    received.add(request);
                    return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                            .remark("recorded only")
                            .build();
                },
                nameServer.newProcessorExecutor("recording-namesrv", 1, 100));
        nameServer.start();
    }

    @AfterEach
    void stopNameServer() {
        nameServer.close();
    }

    @Test
    void theBuilderTakesCredentialsAndNoStringFormShowsTheSecret() {
        ClientConfig config =
                ClientConfig.builder("127.0.0.1:9876").credentials(ORDERS).build();
        ClientConfig byKeys = ClientConfig.builder("127.0.0.1:9876")
                .credentials("OrdersApp", "orders-secret-1")
                .build();

        assertThat(config.credentials()).isEqualTo(ORDERS);
        assertThat(byKeys.credentials()).isEqualTo(new Credentials("OrdersApp", "orders-secret-1"));
        assertThat(config.toString())
                .contains("OrdersApp")
                .doesNotContain("orders-secret-1")
                .doesNotContain("token-7");
        assertThat(ClientConfig.builder("127.0.0.1:9876").build().credentials()).isNull();
    }

    @Test
    void aRuntimeWithCredentialsSignsItsRequestsAndOneWithoutSideBySideDoesNot() {
        String address = "127.0.0.1:" + nameServer.localPort();
        try (ClientRuntime signed = ClientRuntime.start(ClientConfig.builder(address)
                        .instanceName("signed")
                        .credentials(ORDERS)
                        .build());
                ClientRuntime plain = ClientRuntime.start(
                        ClientConfig.builder(address).instanceName("plain").build())) {
            signed.probe().join();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            plain.probe().join();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        }

        RemotingCommand fromSigned = received.get(0);
        assertThat(fromSigned.extField(RequestSignature.ACCESS_KEY)).isEqualTo("OrdersApp");
        assertThat(fromSigned.extField(RequestSignature.SECURITY_TOKEN)).isEqualTo("token-7");
        assertThat(RequestSignature.verify(fromSigned, "orders-secret-1")).isTrue();
        assertThat(RequestSignature.verify(fromSigned, "another-secret")).isFalse();
        RemotingCommand fromPlain = received.get(1);
        assertThat(fromPlain.extFields())
                .doesNotContainKeys(
                        RequestSignature.ACCESS_KEY, RequestSignature.SIGNATURE, RequestSignature.SECURITY_TOKEN);
    }
}
