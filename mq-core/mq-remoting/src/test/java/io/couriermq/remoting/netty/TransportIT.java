package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.testing.LogCapture;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Native epoll and NIO both carry calls; which one the server uses follows preferEpoll. */
class TransportIT {

    @ParameterizedTest(name = "preferEpoll={0}")
    @ValueSource(booleans = {true, false})
    void roundTripWorksOnTheChosenTransport(boolean preferEpoll) {
        if (preferEpoll) {
            assumeTrue(Epoll.isAvailable(), "native epoll is not available on this platform");
        }
        String expected = preferEpoll ? "(epoll)" : "(nio)";
        try (LogCapture logs = LogCapture.of(NettyRemotingServer.class);
                LocalRemoting remoting = new LocalRemoting(
                        LocalRemoting.serverConfig().withPreferEpoll(preferEpoll),
                        LocalRemoting.NO_EVENTS,
                        new RemotingClientConfig(1, 3_000, 1024 * 1024, 120, preferEpoll),
                        LocalRemoting.NO_EVENTS)) {
            remoting.register(RequestCode.HEART_BEAT.code(), (context, request) -> RemotingCommand.responseTo(
                            request, ResponseCode.SUCCESS)
                    .build());

            RemotingCommand response = remoting.client.invokeSync(
                    remoting.address(),
                    RemotingCommand.request(RequestCode.HEART_BEAT).build(),
                    3_000);

            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
            assertThat(logs.messagesAt(Level.INFO))
                    .anySatisfy(
                            line -> assertThat(line).contains("listening on").contains(expected));
        }
    }
}
