package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.testing.LogCapture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection without traffic for the idle timeout is closed; traffic keeps it open. Time is simulated. */
class IdleConnectionTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        logs = LogCapture.of(ConnectionHandler.class);
        channel.freezeTime();
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, 10))
                .addLast(new ConnectionHandler(
                        "server", new RemotingChannels(ManualTimer::new), new ChannelEventListener() {}));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        logs.close();
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeout() {
        advance(9_900);
        assertThat(channel.isOpen()).as("before the timeout").isTrue();

        advance(200);

        assertThat(channel.isOpen()).isFalse();
        assertThat(logs.messagesAt(ch.qos.logback.classic.Level.INFO))
                .singleElement()
                .satisfies(message -> assertThat(message).contains("idle"));
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void trafficPostponesTheIdleClose() {
        advance(9_000);
        channel.writeInbound("some inbound message");
        channel.readInbound();

        advance(9_000);
        assertThat(channel.isOpen())
                .as("10 s since the last read not yet passed")
                .isTrue();

        advance(1_100);
        assertThat(channel.isOpen()).isFalse();
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }
}
