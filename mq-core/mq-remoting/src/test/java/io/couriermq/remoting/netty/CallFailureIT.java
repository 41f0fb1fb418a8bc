package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls that get no response fail with the right exception, and as soon as that is known. */
class CallFailureIT {
    private final LocalRemoting remoting = new LocalRemoting();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        remoting.close();
    }

    @Test
    void aTimedOutCallsCallbackMayCloseItsOwnClient() {
        remoting.register(RequestCode.GET_ROUTEINFO_BY_TOPIC.code(), (context, request) -> {
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });
        NettyRemotingClient own =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        CompletableFuture<Throwable> closedAfter = new CompletableFuture<>();

        own.invokeAsync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                                .build(),
                        200)
                .whenComplete((response, failure) -> {
                    try {
                        own.close(); // runs on the thread that timed the call out
                        closedAfter.complete(failure);
                    } catch (Throwable t) {
                        closedAfter.completeExceptionally(t);
                    }
                });

        assertThat(closedAfter).succeedsWithin(Duration.ofSeconds(5)).satisfies(failure -> assertThat(
                        failure instanceof CompletionException ? failure.getCause() : failure)
                .isInstanceOf(RemotingTimeoutException.class));
        assertThat(own.invokeAsync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                        200))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableThat()
                .withMessageContaining("shut down");
    }

    @Test
    void syncCallWithoutResponseInTimeFailsWithTimeoutNamingTheCode() {
        remoting.register(RequestCode.GET_ROUTEINFO_BY_TOPIC.code(), (context, request) -> {
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });
        remoting.register(RequestCode.HEART_BEAT.code(), (context, request) -> RemotingCommand.responseTo(
                        request, ResponseCode.SUCCESS)
                .build());
        // connect first: only the timeout is timed, not opening the connection (about 450 ms more when cold)
        remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                3_000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> remoting.client.invokeSync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                                .build(),
                        300))
                .isInstanceOf(RemotingTimeoutException.class)
                .hasMessageContaining("GET_ROUTEINFO_BY_TOPIC")
                .hasMessageContaining("300 ms");

        // never early; late by the 10 ms timer tick and scheduling: measured 314-642 ms in 7 fresh test JVMs
        // on a loaded 2-core machine (313-323 ms once warm)
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 1_000L);
        // the table forgets a call in a completion action that may run just after the caller wakes up
        await().atMost(Duration.ofSeconds(5)).until(() -> remoting.client.pendingRequests() == 0);
    }

    @Test
    void connectionClosedByTheServerFailsPendingCallsPromptly() {
        remoting.register(RequestCode.PULL_MESSAGE.code(), (context, request) -> {
            context.channel().close();
            return null;
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> remoting.client.invokeSync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.PULL_MESSAGE).build(),
                        30_000))
                .isExactlyInstanceOf(RemotingException.class)
                .hasMessageContaining("closed before the response to PULL_MESSAGE");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .as("well before the 30 s timeout")
                .isLessThan(5_000L);
        // the table forgets a call in a completion action that may run just after the caller wakes up
        await().atMost(Duration.ofSeconds(5)).until(() -> remoting.client.pendingRequests() == 0);
    }

    @Test
    void theNextCallAfterAClosedConnectionOpensANewOne() {
        remoting.register(RequestCode.PULL_MESSAGE.code(), (context, request) -> {
            context.channel().close();
            return null;
        });
        remoting.register(RequestCode.HEART_BEAT.code(), (context, request) -> RemotingCommand.responseTo(
                        request, ResponseCode.SUCCESS)
                .build());
        assertThatThrownBy(() -> remoting.client.invokeSync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.PULL_MESSAGE).build(),
                        30_000))
                .isInstanceOf(RemotingException.class);

        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                3_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void nobodyListeningFailsWithConnectException() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        assertThatThrownBy(() -> remoting.client.invokeSync(
                        "127.0.0.1:" + freePort,
                        RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                        3_000))
                .isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("127.0.0.1:" + freePort);
    }
}
