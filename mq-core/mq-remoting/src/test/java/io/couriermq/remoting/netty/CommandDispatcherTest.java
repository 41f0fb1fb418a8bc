package io.couriermq.remoting.netty;

import static io.couriermq.remoting.netty.EmbeddedRemoting.pooled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestObserver;
import io.couriermq.remoting.testing.Bytes;
import io.couriermq.remoting.testing.LogCapture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender always hears back, except for oneway requests, which are never answered. */
class CommandDispatcherTest {
    private final EmbeddedRemoting remoting = new EmbeddedRemoting();
    private final EmbeddedChannel channel = remoting.newChannel();

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Test
    void unknownCodeIsAnsweredRequestCodeNotSupportedWithTheOfficialRemark() {
        RemotingCommand response = send(RemotingCommand.decoded(9999, 4, 0).build());

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
        assertThat(response.remark()).isEqualTo(" request type 9999 not supported");
        assertThat(response.opaque()).isEqualTo(4);
        assertThat(response.isResponse()).isTrue();
    }

    @Test
    void unknownOnewayCodeIsNotAnswered() {
        assertThat(send(RemotingCommand.decoded(9999, 4, 0).oneway().build())).isNull();
    }

    @Test
    void responseReturnedForAOnewayRequestIsNotWritten() {
        List<RemotingCommand> seen = new CopyOnWriteArrayList<>();
        remoting.register(37, (context, request) -> {
            seen.add(request);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });

        RemotingCommand response =
                send(RemotingCommand.decoded(37, 5, 0).oneway().build());

        assertThat(seen).hasSize(1);
        assertThat(response).isNull();
    }

    @Test
    void remotingCommandExceptionBecomesSystemErrorCarryingItsMessage() {
        remoting.register(105, (context, request) -> {
            throw new RemotingCommandException("the header field 'topic' is required");
        });

        RemotingCommand response = send(RemotingCommand.decoded(105, 6, 0).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).isEqualTo("the header field 'topic' is required");
    }

    @Test
    void aRefusedArgumentIsSystemErrorWithItsMessageAndOneLogLineWithoutStackTrace() {
        remoting.register(15, (context, request) -> {
            throw new IllegalArgumentException("offset of cg on T/0 must not be negative, was -5");
        });
        try (LogCapture logs = LogCapture.of(CommandDispatcher.class)) {
            for (int opaque = 1; opaque <= 200; opaque++) {
                RemotingCommand response =
                        send(RemotingCommand.decoded(15, opaque, 0).build());
                assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
                assertThat(response.remark()).isEqualTo("offset of cg on T/0 must not be negative, was -5");
            }

            assertThat(logs.warnings()).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).contains("refused", "must not be negative");
                assertThat(line.getThrowableProxy()).isNull();
            });
        }
    }

    @Test
    void aProcessorBugIsSystemErrorAndItsStackTraceIsLoggedOncePerWindow() {
        remoting.register(105, (context, request) -> {
            throw new NullPointerException("a bug");
        });
        try (LogCapture logs = LogCapture.of(CommandDispatcher.class)) {
            for (int opaque = 1; opaque <= 200; opaque++) {
                RemotingCommand response =
                        send(RemotingCommand.decoded(105, opaque, 0).build());
                assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
            }

            assertThat(logs.warnings()).singleElement().satisfies(line -> assertThat(
                            line.getThrowableProxy().getClassName())
                    .isEqualTo(NullPointerException.class.getName()));
        }
    }

    @Test
    void fullExecutorIsAnsweredSystemBusy() {
        remoting.processors.register(310, (context, request) -> null, new RejectingExecutor());

        RemotingCommand response = send(RemotingCommand.decoded(310, 7, 0).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_BUSY.code());
        assertThat(response.remark()).startsWith("[OVERLOAD]").contains("SEND_MESSAGE_V2");
    }

    @Test
    void observerSeesRequestAndResponseCodes() {
        List<int[]> observed = new CopyOnWriteArrayList<>();
        remoting.dispatcher.observer((request, response, nanos) -> observed.add(new int[] {request, response}));
        remoting.register(34, (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .build());
        remoting.register(15, (context, request) -> null);

        send(RemotingCommand.decoded(34, 1, 0).build());
        send(RemotingCommand.decoded(15, 2, 0).oneway().build());

        assertThat(observed).containsExactly(new int[] {34, 0}, new int[] {15, RequestObserver.NO_RESPONSE});
        remoting.dispatcher.observer(null);
    }

    @Test
    void aRequestCanBeAnsweredOnlyOnce() {
        AtomicReference<RequestContext> saved = new AtomicReference<>();
        remoting.register(11, (context, request) -> {
            saved.set(context);
            return null;
        });
        RemotingCommand request = RemotingCommand.decoded(11, 8, 0).build();
        assertThat(send(request)).as("nothing until answered").isNull();

        saved.get()
                .respond(RemotingCommand.responseTo(request, ResponseCode.PULL_NOT_FOUND)
                        .build());

        assertThat(EmbeddedRemoting.readWritten(channel).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
        assertThatThrownBy(() -> saved.get()
                        .respond(RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                                .build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(EmbeddedRemoting.readWritten(channel)).isNull();
    }

    private RemotingCommand send(RemotingCommand request) {
        channel.writeInbound(pooled(Bytes.encode(request)));
        return EmbeddedRemoting.readWritten(channel);
    }

    /** An executor whose queue is always full. */
    private static final class RejectingExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            throw new RejectedExecutionException("queue full");
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
