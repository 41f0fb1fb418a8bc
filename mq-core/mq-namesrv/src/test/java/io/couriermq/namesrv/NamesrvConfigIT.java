package io.couriermq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.PropertiesText;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.KvConfigRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET_NAMESRV_CONFIG (319) and UPDATE_NAMESRV_CONFIG (318) over real sockets, as mqadmin sends them. */
class NamesrvConfigIT {
    private static final long TIMEOUT_MS = 3_000;

    private NameServer nameServer;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        RemotingServerConfig remoting = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        nameServer = new NameServer(new NameServerConfig(remoting, 120_000, 1_000, false), Clock.system());
        nameServer.start();
        address = "127.0.0.1:" + nameServer.listenPort();
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stop() {
        client.close();
        nameServer.shutdown();
    }

    @Test
    void getNamesrvConfigAnswersTheSettingsInForceAsSortedProperties() {
        RemotingCommand response =
                call(RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("aclEnable=false\nbindAddress=127.0.0.1\nbrokerExpiryMs=120000\n");
        assertThat(PropertiesText.decode(response.body()))
                .containsEntry("listenPort", String.valueOf(nameServer.listenPort()))
                .containsEntry("scanNotActiveBrokerInterval", "1000")
                .containsEntry("orderMessageEnable", "false");
    }

    @Test
    void orderMessageEnableChangesAtRunTimeAndOtherKeysAreRefusedByName() {
        registerBroker();
        call(RemotingCommand.request(RequestCode.PUT_KV_CONFIG)
                .header(new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "Orders", "broker-a:4"))
                .build());
        assertThat(route("Orders").orderTopicConf()).isNull();

        RemotingCommand updated = update("orderMessageEnable=true\n");

        assertThat(updated.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(route("Orders").orderTopicConf()).isEqualTo("broker-a:4");
        assertThat(config()).containsEntry("orderMessageEnable", "true");

        RemotingCommand fixed = update("orderMessageEnable=false\nscanNotActiveBrokerInterval=10\n");
        assertThat(fixed.code()).isEqualTo(ResponseCode.NO_PERMISSION.code());
        assertThat(fixed.remark()).startsWith("key 'scanNotActiveBrokerInterval' cannot change at run time");
        RemotingCommand unknown = update("configStorePath=/tmp/x\n");
        assertThat(unknown.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(unknown.remark()).isEqualTo("unknown key 'configStorePath'");
        assertThat(config()).as("nothing of a refused request applies").containsEntry("orderMessageEnable", "true");
    }

    private Map<String, String> config() {
        return PropertiesText.decode(
                call(RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG).build())
                        .body());
    }

    private RemotingCommand update(String properties) {
        return call(RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG)
                .body(properties.getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private TopicRouteData route(String topic) {
        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .header(new TopicRequestHeader(topic))
                .build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), TopicRouteData.class);
    }

    private void registerBroker() {
        byte[] body = ("{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1,\"stateVersion\":0,"
                        + "\"timestamp\":1700000000000},\"topicConfigTable\":{\"Orders\":{\"order\":false,\"perm\":6,"
                        + "\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"Orders\","
                        + "\"topicSysFlag\":0,\"writeQueueNums\":4}}},\"filterServerList\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32(); // RocketMQ's UtilAll.crc32 drops the sign bit
        crc.update(body);
        RemotingCommand response = call(RemotingCommand.request(RequestCode.REGISTER_BROKER)
                .header(new RegisterBrokerRequestHeader(
                        "broker-a", "127.0.0.1:10911", "DefaultCluster", "127.0.0.1:10912", 0, null, false, false, (int)
                                (crc.getValue() & 0x7FFFFFFF)))
                .body(body)
                .build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(address, request, TIMEOUT_MS);
    }
}
