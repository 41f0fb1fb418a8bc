package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A flood of oneway requests against a processor with one thread and a queue of one: the server
 * stops reading instead of dropping, so every request is processed, in the order it was sent.
 */
class OnewayBackPressureIT {
    private static final int CODE = 310;
    private static final int REQUESTS = 2_000;

    @Test
    void onewayRequestsAreNeverDroppedWhenTheExecutorIsFull() {
        List<Integer> processed = new CopyOnWriteArrayList<>();
        RemotingServerConfig config = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        try (NettyRemotingServer server = new NettyRemotingServer(config, new ChannelEventListener() {});
                NettyRemotingClient client =
                        new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            server.registerProcessor(
                    CODE,
                    (context, request) -> {
                        LockSupport.parkNanos(20_000);
                        processed.add(Integer.parseInt(request.extField("seq")));
                        return null;
                    },
                    server.newProcessorExecutor("tiny", 1, 1));
            server.start();
            String address = "127.0.0.1:" + server.localPort();

            CompletableFuture<?>[] writes = IntStream.range(0, REQUESTS)
                    .mapToObj(seq -> client.invokeOneway(
                            address,
                            RemotingCommand.request(CODE)
                                    .extField("seq", Integer.toString(seq))
                                    .build()))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(writes).join();

            await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == REQUESTS);
            assertThat(processed)
                    .containsExactlyElementsOf(
                            IntStream.range(0, REQUESTS).boxed().toList());

            RemotingCommand afterwards =
                    client.invokeSync(address, RemotingCommand.request(999).build(), 3_000);
            assertThat(afterwards.code())
                    .as("the connection reads again once drained")
                    .isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
        }
    }
}
