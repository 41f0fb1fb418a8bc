package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server calls the client back over the connection the client opened (transaction checks, consumer queries). */
class ServerToClientRequestIT {
    private final AtomicReference<RemotingChannel> connected = new AtomicReference<>();
    private final List<RemotingCommand> clientSaw = new CopyOnWriteArrayList<>();
    private final ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
    private LocalRemoting remoting;

    @BeforeEach
    void setUp() {
        ChannelEventListener serverEvents = new ChannelEventListener() {
            @Override
            public void onConnected(RemotingChannel channel) {
                connected.set(channel);
            }
        };
        remoting = new LocalRemoting(
                LocalRemoting.serverConfig(), serverEvents, LocalRemoting.clientConfig(), LocalRemoting.NO_EVENTS);
        remoting.client.registerProcessor(
                RequestCode.GET_CONSUMER_RUNNING_INFO.code(),
                (context, request) -> {
                    clientSaw.add(request);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .remark("running info of " + request.extField("consumerGroup"))
                            .build();
                },
                clientExecutor);
        remoting.client.registerProcessor(
                RequestCode.CHECK_TRANSACTION_STATE.code(),
                (context, request) -> {
                    clientSaw.add(request);
                    return null;
                },
                clientExecutor);
    }

    @AfterEach
    void tearDown() {
        remoting.close();
        clientExecutor.shutdownNow();
    }

    @Test
    void serverCallsTheClientOnTheChannelReportedAtConnect() throws Exception {
        openConnection();
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() != null);
        RemotingChannel toClient = connected.get();

        RemotingCommand response =
                toClient.invoke(runningInfoRequest("cg-1"), 3_000).get(5, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.remark()).isEqualTo("running info of cg-1");
        assertThat(toClient.remoteAddress()).startsWith("127.0.0.1:");
        assertThat(remoting.server.connectionCount())
                .as("same connection, none opened back")
                .isEqualTo(1);
    }

    @Test
    void serverCallsTheClientFromInsideAProcessorOnTheRequestsChannel() {
        remoting.register(RequestCode.HEART_BEAT.code(), (context, request) -> {
            RemotingCommand info =
                    context.channel().invoke(runningInfoRequest("cg-2"), 3_000).get(5, TimeUnit.SECONDS);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                    .remark("client said: " + info.remark())
                    .build();
        });

        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                5_000);

        assertThat(response.remark()).isEqualTo("client said: running info of cg-2");
    }

    @Test
    void serverOnewayRequestReachesTheClientProcessor() {
        openConnection();
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() != null);

        connected
                .get()
                .invokeOneway(RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE)
                        .extField("transactionId", "tx-1")
                        .build())
                .join();

        await().atMost(Duration.ofSeconds(5)).until(() -> !clientSaw.isEmpty());
        assertThat(clientSaw.get(0).isOneway()).isTrue();
        assertThat(clientSaw.get(0).extField("transactionId")).isEqualTo("tx-1");
    }

    private void openConnection() {
        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
    }

    private static RemotingCommand runningInfoRequest(String group) {
        return RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO)
                .extField("consumerGroup", group)
                .build();
    }
}
