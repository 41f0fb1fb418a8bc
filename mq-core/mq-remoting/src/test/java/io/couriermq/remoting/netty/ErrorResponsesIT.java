package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that cannot be served still get an answer the sender can act on; the connection stays up. */
class ErrorResponsesIT {
    private final LocalRemoting remoting = new LocalRemoting();

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    @Test
    void unknownRequestCodeIsAnsweredRequestCodeNotSupported() {
        RemotingCommand response = call(RemotingCommand.request(9999).build());

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
        assertThat(response.remark()).isEqualTo(" request type 9999 not supported");
    }

    @Test
    void remotingCommandExceptionIsAnsweredSystemErrorWithItsMessage() {
        remoting.register(105, (context, request) -> {
            throw new RemotingCommandException("the header field 'topic' is required in GET_ROUTEINFO_BY_TOPIC(105)");
        });

        RemotingCommand response = call(RemotingCommand.request(105).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).isEqualTo("the header field 'topic' is required in GET_ROUTEINFO_BY_TOPIC(105)");
    }

    @Test
    void otherProcessorFailureIsAnsweredSystemErrorAndTheConnectionStays() {
        remoting.register(105, (context, request) -> {
            throw new IllegalStateException("route table corrupted");
        });
        remoting.register(34, (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .build());

        RemotingCommand response = call(RemotingCommand.request(105).build());
        RemotingCommand next = call(RemotingCommand.request(34).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("route table corrupted");
        assertThat(next.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(remoting.server.connectionCount()).isEqualTo(1);
    }

    @Test
    void fullProcessorExecutorIsAnsweredSystemBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService oneThreadQueueOfOne = remoting.server.newProcessorExecutor("busy", 1, 1);
        remoting.server.registerProcessor(
                RequestCode.SEND_MESSAGE_V2,
                (context, request) -> {
                    release.await(10, TimeUnit.SECONDS);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .build();
                },
                oneThreadQueueOfOne);
        try {
            List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(remoting.client.invokeAsync(
                        remoting.address(),
                        RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).build(),
                        10_000));
            }

            RemotingCommand third = calls.get(2).get(5, TimeUnit.SECONDS);
            assertThat(third.code()).isEqualTo(ResponseCode.SYSTEM_BUSY.code());
            assertThat(third.remark()).startsWith("[OVERLOAD]");
            assertThat(calls.get(0)).isNotDone();

            release.countDown();
            assertThat(calls.get(0).get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS.code());
            assertThat(calls.get(1).get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS.code());
        } finally {
            release.countDown();
        }
    }

    private RemotingCommand call(RemotingCommand request) {
        return remoting.client.invokeSync(remoting.address(), request, 3_000);
    }
}
