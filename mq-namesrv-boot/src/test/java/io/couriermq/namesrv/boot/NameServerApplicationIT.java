package io.couriermq.namesrv.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The packaged application: remoting on a free port, actuator on another, both answering for real. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courier.namesrv.listen-port=0", "courier.namesrv.bind-address=127.0.0.1"})
class NameServerApplicationIT {
    private static final String BODY = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
            + "{\"counter\":1,\"stateVersion\":0,\"timestamp\":1700000000000},\"topicConfigTable\":{\"Orders\":"
            + "{\"perm\":6,\"readQueueNums\":4,\"topicName\":\"Orders\",\"writeQueueNums\":4}}}}";

    @Autowired
    private NameServer nameServer;

    @LocalServerPort
    private int actuatorPort;

    private NettyRemotingClient broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connectBroker() {
        broker = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        RemotingCommand response = broker.invokeSync(
                "127.0.0.1:" + nameServer.listenPort(),
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                "broker-a", "127.0.0.1:10911", "DefaultCluster", null, 0, null, null, false, 0))
                        .body(BODY.getBytes(StandardCharsets.UTF_8))
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void theRemotingPortListensOnTheBindAddressOnly() throws IOException {
        Optional<String> other = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
        Assumptions.assumeTrue(other.isPresent(), "this machine has no address besides loopback");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), nameServer.listenPort()), 2_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void healthReportsTheRegisteredBroker() throws Exception {
        String health = get("/actuator/health");

        assertThat(health).contains("\"nameServer\"").contains("\"brokers\":1").contains("\"status\":\"UP\"");
    }

    @Test
    void routesEndpointShowsClustersBrokersAndTopics() throws Exception {
        String routes = get("/actuator/routes");

        assertThat(routes)
                .contains("\"DefaultCluster\":[\"broker-a\"]")
                .contains("\"Orders\"")
                .contains("\"address\":\"127.0.0.1:10911\"");
    }

    @Test
    void metricsCountRequestsByCode() throws Exception {
        assertThat(get("/actuator/metrics/courier.namesrv.requests?tag=code:REGISTER_BROKER"))
                .contains("\"COUNT\"");
        assertThat(get("/actuator/metrics/courier.namesrv.topics")).contains("\"value\":1.0");
    }

    @Test
    void prometheusScrapesTheRegistryGaugesAndInfoNamesTheBuild() throws Exception {
        assertThat(get("/actuator/prometheus"))
                .containsPattern("courier_namesrv_brokers [1-9]")
                .contains("courier_namesrv_requests_seconds_count");
        assertThat(get("/actuator/info"))
                .contains("\"artifact\":\"mq-namesrv-boot\"")
                .containsPattern("\"git\":\\{.*\"commit\":\\{.*\"id\":");
    }

    @Test
    void theConsoleListsTheBrokersThisNameServerKnows() throws Exception {
        String page = get("/console/cluster");

        assertThat(page).contains("broker-a", "127.0.0.1:10911", "DefaultCluster");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + actuatorPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
