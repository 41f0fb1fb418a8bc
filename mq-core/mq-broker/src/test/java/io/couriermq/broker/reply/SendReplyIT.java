package io.couriermq.broker.reply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.ProducerData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.ReplyMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SEND_REPLY_MESSAGE_V2 through a whole broker: pushed to the requester's connection, then stored. */
class SendReplyIT {
    private static final String REPLY_TOPIC = "DefaultCluster_REPLY_TOPIC";

    @TempDir
    Path storeDir;

    private Broker broker;
    private String address;
    private NettyRemotingClient requester;
    private NettyRemotingClient replier;
    private final ExecutorService pushExecutor = Executors.newSingleThreadExecutor();
    private final List<RemotingCommand> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "listenPort",
                                "0",
                                "mappedFileSizeCommitLog",
                                String.valueOf(8 << 20),
                                "mappedFileSizeConsumeQueue",
                                String.valueOf(20 * 1000)),
                        storeDir,
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        address = "127.0.0.1:" + broker.listenPort();
        requester = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        requester.registerProcessor(
                RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT.code(),
                (context, request) -> {
                    pushed.add(request);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .build();
                },
                pushExecutor);
        replier = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stop() {
        requester.close();
        replier.close();
        pushExecutor.shutdownNow();
        broker.shutdown();
    }

    @Test
    void theReplyTopicExistsAtStart() {
        assertThat(broker.topics().find(REPLY_TOPIC)).isPresent();
    }

    @Test
    void aReplyIsPushedToTheRequesterAndStored() {
        heartbeat(requester, "127.0.0.1@requester");

        RemotingCommand answer = sendReply("127.0.0.1@requester");

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(answer.decodeHeader(SendMessageResponseHeader::decode).msgId())
                .isNotEqualTo("0");
        assertThat(pushed).singleElement().satisfies(push -> {
            ReplyMessageRequestHeader header = push.decodeHeader(ReplyMessageRequestHeader::decode);
            assertThat(header.topic()).isEqualTo(REPLY_TOPIC);
            assertThat(header.producerGroup()).isEqualTo("replier-pg");
            assertThat(header.storeHost()).isEqualTo("127.0.0.1:" + broker.listenPort());
            assertThat(header.bornHost()).startsWith("127.0.0.1:");
            assertThat(MessageProperties.decode(header.properties()))
                    .containsEntry("CORRELATION_ID", "corr-1")
                    .containsKey("PUSH_REPLY_TIME");
            assertThat(new String(push.body(), UTF_8)).isEqualTo("the answer");
        });
        // The consume queue is written by the dispatcher after the reply is stored and pushed.
        await("the reply reaches the reply topic's queue")
                .atMost(Duration.ofSeconds(5))
                .until(() -> broker.store().maxOffset(REPLY_TOPIC, 0), offset -> offset == 1L);
    }

    @Test
    void aReplyForAnUnknownRequesterIsRefusedSoTheReplierTriesElsewhere() {
        RemotingCommand answer = sendReply("127.0.0.1@gone");

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(answer.remark()).contains("127.0.0.1@gone", "not connected");
    }

    private RemotingCommand sendReply(String requesterId) {
        String properties = "CORRELATION_ID\u0001corr-1\u0002REPLY_TO_CLIENT\u0001" + requesterId
                + "\u0002MSG_TYPE\u0001reply\u0002TTL\u00013000\u0002";
        return replier.invokeSync(
                address,
                RemotingCommand.request(RequestCode.SEND_REPLY_MESSAGE_V2)
                        .header(new SendMessageRequestHeader(
                                        "replier-pg",
                                        REPLY_TOPIC,
                                        "TBW102",
                                        4,
                                        0,
                                        0,
                                        System.currentTimeMillis(),
                                        0,
                                        properties,
                                        0,
                                        false,
                                        null,
                                        false,
                                        "broker-a")
                                .v2())
                        .body("the answer".getBytes(UTF_8))
                        .build(),
                5_000);
    }

    private void heartbeat(NettyRemotingClient client, String clientId) {
        HeartbeatData data = new HeartbeatData(clientId, Set.of(new ProducerData("requester-pg")), Set.of(), 0, false);
        RemotingCommand response = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.HEART_BEAT)
                        .body(RemotingJson.encode(data))
                        .build(),
                5_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }
}
