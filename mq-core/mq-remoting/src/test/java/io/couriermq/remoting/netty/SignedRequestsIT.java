package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client with credentials signs every request it sends, whatever the path: its own calls (sync, oneway)
 * and the requests it sends back on a connection a server's request came in on (the answer to a
 * transaction check). The server's guard sees each one before its processor, and a refused request never
 * reaches the processor.
 */
class SignedRequestsIT {
    private static final String SECRET = "client-secret";

    private final AtomicReference<RemotingChannel> toClient = new AtomicReference<>();
    private final List<RemotingCommand> guarded = new CopyOnWriteArrayList<>();
    private final AtomicInteger processed = new AtomicInteger();
    private final ExecutorService clientExecutor = Executors.newSingleThreadExecutor();
    private LocalRemoting remoting;

    @BeforeEach
    void setUp() {
        ChannelEventListener serverEvents = new ChannelEventListener() {
            @Override
            public void onConnected(RemotingChannel channel) {
                toClient.set(channel);
            }
        };
        remoting = new LocalRemoting(
                LocalRemoting.serverConfig(),
                serverEvents,
                LocalRemoting.clientConfig().withCredentials(new Credentials("client-key", SECRET)),
                LocalRemoting.NO_EVENTS);
        remoting.server.requestGuard((channel, request) -> {
            guarded.add(request);
            return RequestSignature.verify(request, SECRET)
                    ? null
                    : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                            .remark("unsigned")
                            .build();
        });
        for (RequestCode code : List.of(RequestCode.HEART_BEAT, RequestCode.END_TRANSACTION)) {
            remoting.register(code.code(), (context, request) -> {
                processed.incrementAndGet();
                return request.isOneway()
                        ? null
                        : RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                                .build();
            });
        }
        // the client answers a transaction check with a oneway END_TRANSACTION on the same connection
        remoting.client.registerProcessor(
                RequestCode.CHECK_TRANSACTION_STATE.code(),
                (context, request) -> {
                    context.channel()
                            .invokeOneway(RemotingCommand.request(RequestCode.END_TRANSACTION)
                                    .extField("producerGroup", "tx-group")
                                    .build());
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
    void callsOnewaysAndAnswersOnTheServersConnectionAreAllSigned() throws Exception {
        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT)
                        .extField("clientID", "c1")
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());

        remoting.client
                .invokeOneway(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.HEART_BEAT).build())
                .get(3, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> processed.get() == 2);

        toClient.get()
                .invokeOneway(RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE)
                        .build())
                .get(3, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> processed.get() == 3);

        assertThat(guarded).hasSize(3).allSatisfy(request -> {
            assertThat(request.extField(RequestSignature.ACCESS_KEY)).isEqualTo("client-key");
            assertThat(RequestSignature.verify(request, SECRET)).isTrue();
        });
        assertThat(guarded.get(2).code()).isEqualTo(RequestCode.END_TRANSACTION.code());
    }

    @Test
    void aRefusedRequestNeverReachesItsProcessor() {
        try (NettyRemotingClient unsigned =
                new NettyRemotingClient(LocalRemoting.clientConfig(), LocalRemoting.NO_EVENTS)) {
            RemotingCommand response = unsigned.invokeSync(
                    remoting.address(),
                    RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                    3_000);

            assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
            assertThat(response.remark()).isEqualTo("unsigned");
            assertThat(processed).hasValue(0);
        }
    }
}
