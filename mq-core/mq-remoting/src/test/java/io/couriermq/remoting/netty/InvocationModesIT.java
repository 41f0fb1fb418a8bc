package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.testing.Bytes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sync, async and oneway calls over a real connection. */
class InvocationModesIT {
    private final List<RemotingCommand> seen = new CopyOnWriteArrayList<>();
    private LocalRemoting remoting;

    @BeforeEach
    void setUp() {
        remoting = new LocalRemoting();
        // echoes the topic and body back, and (wrongly, for oneway) always returns a response
        remoting.register(RequestCode.GET_ROUTEINFO_BY_TOPIC.code(), (context, request) -> {
            seen.add(request);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                    .extField("topic", request.extField("topic"))
                    .body(request.body())
                    .build();
        });
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    @Test
    void syncInvokeReturnsTheProcessorsResponse() {
        RemotingCommand request = routeRequest("TopicTest");

        RemotingCommand response = remoting.client.invokeSync(remoting.address(), request, 3_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.isResponse()).isTrue();
        assertThat(response.version()).isEqualTo(RemotingCommand.PROTOCOL_VERSION);
        assertThat(response.extField("topic")).isEqualTo("TopicTest");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("body of TopicTest");
    }

    @Test
    void asyncInvokeCompletesTheFutureWithTheResponse() throws Exception {
        List<String> callbackSaw = new CopyOnWriteArrayList<>();

        CompletableFuture<RemotingCommand> future = remoting.client
                .invokeAsync(remoting.address(), routeRequest("Async"), 3_000)
                .whenComplete((response, failure) -> callbackSaw.add(response.extField("topic")));

        assertThat(future.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(callbackSaw).containsExactly("Async");
    }

    @Test
    void manyConcurrentCallsOnOneConnectionAreMatchedByOpaque() {
        List<CompletableFuture<RemotingCommand>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(remoting.client.invokeAsync(remoting.address(), routeRequest("T" + i), 5_000));
        }

        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).join().extField("topic")).isEqualTo("T" + i);
        }
        assertThat(remoting.server.connectionCount()).isEqualTo(1);
        // the table forgets a call in a completion action that may run just after the caller wakes up
        await().atMost(Duration.ofSeconds(5)).until(() -> remoting.client.pendingRequests() == 0);
    }

    @Test
    void onewayFromTheClientReachesTheProcessor() {
        remoting.client.invokeOneway(remoting.address(), routeRequest("Oneway")).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        assertThat(seen.get(0).isOneway()).isTrue();
        assertThat(seen.get(0).extField("topic")).isEqualTo("Oneway");
    }

    @Test
    void onewayIsNeverAnsweredEvenWhenTheProcessorReturnsAResponse() {
        RemotingCommand oneway = RemotingCommand.decoded(105, 1, 0)
                .oneway()
                .extField("topic", "Oneway")
                .build();
        RemotingCommand normal =
                RemotingCommand.decoded(105, 2, 0).extField("topic", "Normal").build();

        try (RawConnection raw = new RawConnection(remoting.port())) {
            raw.send(Bytes.encode(oneway));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
            raw.send(Bytes.encode(normal));

            RemotingCommand firstAnswer = raw.readCommand();

            assertThat(firstAnswer.opaque())
                    .as("the first frame answers the normal request")
                    .isEqualTo(2);
            assertThat(firstAnswer.extField("topic")).isEqualTo("Normal");
        }
    }

    private static RemotingCommand routeRequest(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .extField("topic", topic)
                .body(("body of " + topic).getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
