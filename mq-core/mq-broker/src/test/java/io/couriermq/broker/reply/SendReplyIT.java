package io.couriermq.broker.reply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.ReplyMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SEND_REPLY_MESSAGE_V2 through a whole broker: pushed to the requester's connection, then stored. */
class SendReplyIT {
    private static final String REPLY_TOPIC = "DefaultCluster_REPLY_TOPIC";

    @TempDir
    Path storeDir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private Broker broker;
    private String address;
    private NettyRemotingClient requester;
    private NettyRemotingClient replier;
    private final ExecutorService pushExecutor = Executors.newSingleThreadExecutor();
    private final List<RemotingCommand> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        broker = cluster.startBroker(storeDir, LocalCluster.smallFiles());
        address = LocalCluster.address(broker);
        requester = cluster.client();
        requester.registerProcessor(
                RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT.code(),
                (context, request) -> {
                    pushed.add(request);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .build();
                },
                pushExecutor);
        replier = cluster.client();
    }

    @AfterEach
    void stop() {
        cluster.close();
        pushExecutor.shutdownNow();
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
        LocalCluster.awaitQueueLength(broker, REPLY_TOPIC, 0, 1);
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
                BrokerRequests.send(REPLY_TOPIC, 0)
                        .producerGroup("replier-pg")
                        .properties(properties)
                        .code(RequestCode.SEND_REPLY_MESSAGE_V2)
                        .body("the answer"),
                5_000);
    }

    private void heartbeat(NettyRemotingClient client, String clientId) {
        RemotingCommand response =
                client.invokeSync(address, BrokerRequests.producerHeartbeat(clientId, "requester-pg"), 5_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }
}
