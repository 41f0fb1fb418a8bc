package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.testing.Bytes;
import io.couriermq.remoting.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer sending garbage is disconnected; well-behaved clients on the same server do not notice. */
class BadPeerIsolationIT {
    private LocalRemoting remoting;
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        logs = LogCapture.of(ConnectionHandler.class);
        remoting = new LocalRemoting();
        remoting.register(RequestCode.HEART_BEAT.code(), (context, request) -> RemotingCommand.responseTo(
                        request, ResponseCode.SUCCESS)
                .build());
    }

    @AfterEach
    void tearDown() {
        remoting.close();
        logs.close();
    }

    @Test
    void garbageSenderIsDisconnectedWhileAGoodClientKeepsWorking() {
        assertThat(heartbeat()).isEqualTo(ResponseCode.SUCCESS.code());

        try (RawConnection garbage = new RawConnection(remoting.port())) {
            garbage.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(garbage.closedByPeer()).isTrue();
        }

        assertThat(heartbeat()).isEqualTo(ResponseCode.SUCCESS.code());
        await().atMost(Duration.ofSeconds(5)).until(() -> remoting.server.connectionCount() == 1);
        assertThat(logs.warnings()).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains("malformed frame"));
    }

    @Test
    void peerAnnouncingAHugeFrameIsDisconnectedOnTheLengthAlone() {
        try (RawConnection greedy = new RawConnection(remoting.port())) {
            greedy.send(Bytes.hex("7fffffff"));

            assertThat(greedy.closedByPeer()).isTrue();
        }
        assertThat(heartbeat()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void peerThatTurnsBadAfterAGoodExchangeIsDisconnected() {
        try (RawConnection raw = new RawConnection(remoting.port())) {
            raw.send(Bytes.encode(RemotingCommand.decoded(34, 77, 0).build()));
            assertThat(raw.readCommand().opaque()).isEqualTo(77);

            raw.send(Bytes.jsonFrame("[\"not a header\"]"));

            assertThat(raw.closedByPeer()).isTrue();
        }
        assertThat(heartbeat()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private int heartbeat() {
        return remoting.client
                .invokeSync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                        3_000)
                .code();
    }
}
