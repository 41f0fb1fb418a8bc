package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shutdown stops accepting, answers what is in progress, fails its own pending calls, then closes.
 * Abort, the in-process stand-in for a killed server, answers nothing.
 */
class GracefulShutdownIT {
    private final CountDownLatch processing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService background = Executors.newCachedThreadPool();
    private LocalRemoting remoting;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (remoting != null) {
            remoting.close();
        }
        background.shutdownNow();
    }

    @Test
    void requestInProgressWhenShutdownStartsStillGetsItsResponse() throws Exception {
        CompletableFuture<RemotingCommand> inFlight = sendBeingProcessed();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(remoting.server::shutdown, background);
        await().atMost(Duration.ofSeconds(5)).until(() -> !accepts(remoting.port()));
        assertThat(inFlight).isNotDone();
        release.countDown();

        RemotingCommand response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.remark()).isEqualTo("stored");
        shutdown.get(5, TimeUnit.SECONDS);
    }

    @Test
    void abortClosesAtOnceAndLeavesTheRequestInProgressUnanswered() throws Exception {
        CompletableFuture<RemotingCommand> inFlight = sendBeingProcessed();

        remoting.server.abort();

        assertThat(accepts(remoting.port())).isFalse();
        assertThat(inFlight)
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(RemotingException.class);
    }

    /** A send whose processor is running and waits for {@code release}. */
    private CompletableFuture<RemotingCommand> sendBeingProcessed() throws InterruptedException {
        remoting = new LocalRemoting();
        remoting.register(RequestCode.SEND_MESSAGE_V2.code(), (context, request) -> {
            processing.countDown();
            release.await(10, TimeUnit.SECONDS);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                    .remark("stored")
                    .build();
        });
        CompletableFuture<RemotingCommand> inFlight = remoting.client.invokeAsync(
                remoting.address(),
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).build(),
                10_000);
        assertThat(processing.await(5, TimeUnit.SECONDS)).isTrue();
        return inFlight;
    }

    @Test
    void serversOwnPendingCallsFailAtShutdown() throws Exception {
        AtomicReference<RemotingChannel> toClient = new AtomicReference<>();
        remoting = new LocalRemoting(
                LocalRemoting.serverConfig(),
                new ChannelEventListener() {
                    @Override
                    public void onConnected(RemotingChannel channel) {
                        toClient.set(channel);
                    }
                },
                LocalRemoting.clientConfig(),
                LocalRemoting.NO_EVENTS);
        remoting.client.registerProcessor(
                RequestCode.GET_CONSUMER_RUNNING_INFO.code(),
                (context, request) -> {
                    processing.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return null;
                },
                background);
        remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                3_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> toClient.get() != null);
        CompletableFuture<RemotingCommand> callToClient = toClient.get()
                .invoke(
                        RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO)
                                .build(),
                        30_000);
        assertThat(processing.await(5, TimeUnit.SECONDS)).isTrue();

        remoting.server.shutdown();

        assertThat(callToClient)
                .failsWithin(0, TimeUnit.MILLISECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(RemotingException.class)
                .withMessageContaining("GET_CONSUMER_RUNNING_INFO");
    }

    @Test
    void afterShutdownNewCallsCannotConnect() {
        remoting = new LocalRemoting();
        remoting.server.shutdown();

        assertThatThrownBy(() -> remoting.client.invokeSync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                        3_000))
                .isInstanceOf(RemotingConnectException.class);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
