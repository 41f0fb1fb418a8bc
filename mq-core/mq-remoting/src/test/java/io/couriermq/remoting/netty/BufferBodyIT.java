package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Over a real socket: a zero-copy response arrives whole and its buffers are released once. */
class BufferBodyIT {
    private static final byte[] FIRST = "first record|".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "second record".getBytes(StandardCharsets.UTF_8);

    @Test
    void theBodyIsReleasedOnceAfterTheResponseIsWritten() {
        AtomicInteger releases = new AtomicInteger();
        RemotingServerConfig config = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        try (NettyRemotingServer server = new NettyRemotingServer(config, new ChannelEventListener() {});
                NettyRemotingClient client =
                        new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            server.registerProcessor(
                    11,
                    (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .bufferBody(new BufferBody(
                                    List.of(ByteBuffer.wrap(FIRST), ByteBuffer.wrap(SECOND)),
                                    releases::incrementAndGet))
                            .build(),
                    server.newProcessorExecutor("test-pull", 1, 16));
            server.start();

            RemotingCommand response = client.invokeSync(
                    "127.0.0.1:" + server.localPort(),
                    RemotingCommand.request(11).build(),
                    3_000);

            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("first record|second record");
            await().atMost(Duration.ofSeconds(5)).until(() -> releases.get() == 1);
        }
        assertThat(releases).hasValue(1);
    }
}
