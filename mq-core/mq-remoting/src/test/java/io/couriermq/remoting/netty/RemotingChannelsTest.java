package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.RemotingException;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timeout wheel exists only once a request needs it, and is gone for good after close. */
class RemotingChannelsTest {
    private final AtomicInteger wheelsMade = new AtomicInteger();
    private final ManualTimer timer = new ManualTimer();
    private final RemotingChannels channels = new RemotingChannels(() -> {
        wheelsMade.incrementAndGet();
        return timer;
    });

    @Test
    void noWheelIsMadeUntilARequestIsTimedAndClosingAnUnusedOneMakesNone() {
        channels.close("never used");

        assertThat(wheelsMade).hasValue(0);
    }

    @Test
    void oneWheelServesEveryRequestAndCloseStopsIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyRemotingChannel remote = channels.of(channel);
        remote.invoke(RemotingCommand.request(RequestCode.HEART_BEAT).build(), 1_000);
        remote.invoke(RemotingCommand.request(RequestCode.HEART_BEAT).build(), 1_000);

        assertThat(wheelsMade).hasValue(1);
        assertThat(timer.pending()).isEqualTo(2);

        channels.close("done");
        assertThat(timer.pending()).as("stopped: nothing left to fire").isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aCallAfterCloseFailsAtOnceAndLeavesNothingWaiting() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyRemotingChannel remote = channels.of(channel);
        channels.close("client shut down");

        CompletableFuture<RemotingCommand> response =
                remote.invoke(RemotingCommand.request(RequestCode.HEART_BEAT).build(), 1_000);

        assertThat(response)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(RemotingException.class)
                .withMessageContaining("shut down");
        assertThat(channels.responses().size()).isZero();
        assertThat(wheelsMade).hasValue(0);
        channel.finishAndReleaseAll();
    }
}
