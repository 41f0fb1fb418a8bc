package io.couriermq.remoting.netty;

import static io.couriermq.remoting.netty.EmbeddedRemoting.pooled;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.remoting.testing.Bytes;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls over one connection: matched by opaque, failed on timeout (time moved by hand) and on close. */
class NettyRemotingChannelTest {
    private final EmbeddedRemoting remoting = new EmbeddedRemoting();
    private final EmbeddedChannel channel = remoting.newChannel();
    private final NettyRemotingChannel remote = remoting.channels.of(channel);

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Test
    void invokeWritesTheRequestAndCompletesWithTheResponseOfTheSameOpaque() {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .extField("topic", "T")
                .build();

        CompletableFuture<RemotingCommand> response = remote.invoke(request, 3_000);
        RemotingCommand written = EmbeddedRemoting.readWritten(channel);
        reply(RemotingCommand.decoded(0, request.opaque() + 1000, 1).build());
        reply(RemotingCommand.responseTo(written, ResponseCode.TOPIC_NOT_EXIST).build());

        assertThat(written.opaque()).isEqualTo(request.opaque());
        assertThat(written.extField("topic")).isEqualTo("T");
        assertThat(response).isCompletedWithValueMatching(r -> r.code() == ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(remoting.responses.size()).isZero();
        assertThat(remoting.timer.pending())
                .as("the answered request's timeout is cancelled")
                .isZero();
    }

    @Test
    void noResponseWithinTheTimeoutFailsWithTheCodeName() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).build();

        CompletableFuture<RemotingCommand> response = remote.invoke(request, 3_000);
        EmbeddedRemoting.readWritten(channel);
        advance(2_999);
        assertThat(response).isNotDone();
        advance(2);

        assertThat(response)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(RemotingTimeoutException.class)
                .withMessageContaining("GET_ROUTEINFO_BY_TOPIC")
                .withMessageContaining("3000 ms");
        assertThat(remoting.responses.size()).isZero();
    }

    @Test
    void responseArrivingAfterTheTimeoutIsDropped() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.HEART_BEAT).build();
        CompletableFuture<RemotingCommand> response = remote.invoke(request, 100);
        EmbeddedRemoting.readWritten(channel);
        advance(101);

        reply(RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build());

        assertThat(response).isCompletedExceptionally();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closedConnectionFailsItsPendingCallsAtOnce() {
        CompletableFuture<RemotingCommand> response =
                remote.invoke(RemotingCommand.request(RequestCode.PULL_MESSAGE).build(), 30_000);
        EmbeddedRemoting.readWritten(channel);

        channel.close();

        assertThat(response)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .isExactlyInstanceOf(RemotingException.class)
                .withMessageContaining("closed before the response to PULL_MESSAGE");
    }

    @Test
    void garbageFromThePeerClosesTheConnectionAndFailsPendingCallsAtOnce() {
        CompletableFuture<RemotingCommand> response = remote.invoke(
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).build(), 30_000);
        EmbeddedRemoting.readWritten(channel);

        channel.writeInbound(pooled(Bytes.jsonFrame("<html>502 Bad Gateway</html>")));

        assertThat(channel.isOpen()).isFalse();
        assertThat(response)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .isExactlyInstanceOf(RemotingException.class)
                .withMessageContaining("GET_ROUTEINFO_BY_TOPIC");
        assertThat(remoting.responses.size()).isZero();
    }

    @Test
    void invokeOnewayWritesTheRequestWithTheOnewayFlag() {
        CompletableFuture<Void> written = remote.invokeOneway(
                RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET).build());

        RemotingCommand sent = EmbeddedRemoting.readWritten(channel);

        assertThat(written).isCompleted();
        assertThat(sent.isOneway()).isTrue();
        assertThat(remoting.responses.size()).isZero();
    }

    private void reply(RemotingCommand response) {
        channel.writeInbound(pooled(Bytes.encode(response)));
    }

    private void advance(long millis) {
        remoting.timer.advance(millis);
    }
}
