package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RequestContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A processor may return null and answer later through RequestContext.respond, from any thread. */
class DeferredResponseIT {
    private final LocalRemoting remoting = new LocalRemoting();
    private final ExecutorService answerer = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        answerer.shutdownNow();
        remoting.close();
    }

    @Test
    void answerFromAnotherThreadReachesTheCaller() {
        remoting.register(RequestCode.SEND_MESSAGE_V2.code(), (context, request) -> {
            answerer.execute(() -> context.respond(RemotingCommand.responseTo(request, ResponseCode.FLUSH_DISK_TIMEOUT)
                    .remark("answered by " + Thread.currentThread().getName())
                    .build()));
            return null;
        });

        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).build(),
                3_000);

        assertThat(response.code()).isEqualTo(ResponseCode.FLUSH_DISK_TIMEOUT.code());
        assertThat(response.remark()).startsWith("answered by pool-");
    }

    @Test
    void parkedRequestIsAnsweredWhenALaterRequestWakesIt() throws Exception {
        record Parked(RequestContext context, RemotingCommand request) {}
        LinkedBlockingQueue<Parked> parked = new LinkedBlockingQueue<>();
        remoting.register(RequestCode.PULL_MESSAGE.code(), (context, request) -> {
            parked.add(new Parked(context, request));
            return null; // long polling: hold the pull until a message arrives
        });
        remoting.register(RequestCode.SEND_MESSAGE_V2.code(), (context, request) -> {
            Parked pull = parked.poll(5, TimeUnit.SECONDS);
            pull.context()
                    .respond(RemotingCommand.responseTo(pull.request(), ResponseCode.SUCCESS)
                            .body(request.body())
                            .build());
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });

        CompletableFuture<RemotingCommand> pull = remoting.client.invokeAsync(
                remoting.address(),
                RemotingCommand.request(RequestCode.PULL_MESSAGE).build(),
                10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> parked.size() == 1);
        assertThat(pull).isNotDone();

        RemotingCommand sent = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .body(new byte[] {42})
                        .build(),
                3_000);

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(pull.get(5, TimeUnit.SECONDS).body()).containsExactly(42);
    }
}
