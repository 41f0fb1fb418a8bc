package io.couriermq.remoting.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pending requests by opaque: completed by their response, failed per connection or all at once. */
class ResponseTableTest {
    private final ResponseTable table = new ResponseTable();
    private final RemotingChannel channelA = new FakeChannel("10.0.0.1:1");
    private final RemotingChannel channelB = new FakeChannel("10.0.0.2:2");

    @Test
    void responseCompletesTheRequestWithTheSameOpaqueAndIsForgotten() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.HEART_BEAT).build();
        CompletableFuture<RemotingCommand> future = table.register(channelA, request);

        table.complete(RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build());

        assertThat(future).isCompletedWithValueMatching(response -> response.opaque() == request.opaque());
        assertThat(table.size()).isZero();
    }

    @Test
    void responseNobodyWaitsForIsDropped() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.HEART_BEAT).build();
        CompletableFuture<RemotingCommand> future = table.register(channelA, request);

        table.complete(RemotingCommand.decoded(0, request.opaque() + 1, 1).build());

        assertThat(future).isNotDone();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void sameOpaqueCannotWaitTwice() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.HEART_BEAT).build();
        table.register(channelA, request);

        assertThatThrownBy(() -> table.register(channelB, request)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedChannelFailsOnlyItsOwnRequests() {
        CompletableFuture<RemotingCommand> onA = table.register(
                channelA, RemotingCommand.request(RequestCode.PULL_MESSAGE).build());
        CompletableFuture<RemotingCommand> onB = table.register(
                channelB, RemotingCommand.request(RequestCode.PULL_MESSAGE).build());

        table.failChannel(channelA);

        assertThat(onA)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .withMessageContaining("connection to 10.0.0.1:1 closed before the response to PULL_MESSAGE");
        assertThat(onB).isNotDone();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void failAllFailsEveryRequestWithTheReason() {
        CompletableFuture<RemotingCommand> onA = table.register(
                channelA, RemotingCommand.request(RequestCode.HEART_BEAT).build());
        CompletableFuture<RemotingCommand> onB = table.register(
                channelB, RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).build());

        table.failAll("server shutting down");

        assertThat(onA).isCompletedExceptionally();
        assertThat(onB)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .withMessageContaining("server shutting down before the response to SEND_MESSAGE_V2");
        assertThat(table.size()).isZero();
    }

    private record FakeChannel(String remoteAddress) implements RemotingChannel {
        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
