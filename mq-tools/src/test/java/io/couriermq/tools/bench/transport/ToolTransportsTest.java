package io.couriermq.tools.bench.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.tools.bench.BenchCommand;
import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.UsageException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which transport a run gets, and how the client's failures become outcomes. No broker needed: nothing is sent. */
class ToolTransportsTest {
    private final ToolTransports transports = new ToolTransports();

    @Test
    void sendingModesDefaultToTheClientAndConsumeToRawRemoting() {
        for (String mode :
                new String[] {"produce-sync", "produce-async", "produce-oneway", "produce-batch", "latency"}) {
            try (BenchTransport transport = transports.open(options(mode))) {
                assertThat(transport).as(mode).isInstanceOf(ClientBenchTransport.class);
            }
        }
        try (BenchTransport transport = transports.open(options("consume"))) {
            assertThat(transport).isInstanceOf(RemotingBenchTransport.class);
        }
    }

    @Test
    void transportOptionPicksEitherAndRefusesOthers() {
        try (BenchTransport transport = transports.open(options("produce-sync", "--transport", "remoting"))) {
            assertThat(transport).isInstanceOf(RemotingBenchTransport.class);
        }
        try (BenchTransport transport = transports.open(options("consume", "--transport", "client"))) {
            assertThat(transport).isInstanceOf(ClientBenchTransport.class);
        }
        assertThatThrownBy(() -> transports.open(options("produce-sync", "--transport", "official")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'official'");
    }

    @Test
    void clientFailuresBecomeTheResponseCodeOrTheTransportFailure() {
        assertThat(ClientBenchTransport.failure(
                        new CompletionException(new ClientException("busy", ResponseCode.SYSTEM_BUSY.code(), true))))
                .isEqualTo(new Outcome("SYSTEM_BUSY"));
        assertThat(ClientBenchTransport.failure(
                        new ClientException("timed out", -1, true, new RemotingTimeoutException("3000 ms"))))
                .isEqualTo(new Outcome("TIMEOUT"));
        assertThat(ClientBenchTransport.failure(
                        new ClientException("unreachable", -1, true, new RemotingConnectException("refused", null))))
                .isEqualTo(new Outcome("CONNECT_FAILED"));
        assertThat(ClientBenchTransport.failure(new ClientException("no free slot", -1, true)))
                .isEqualTo(new Outcome("SEND_FAILED"));
    }

    private static BenchOptions options(String mode, String... extra) {
        return BenchCommand.parse(
                Stream.concat(Stream.of(mode, "--namesrv", "127.0.0.1:1", "--topic", "T"), Stream.of(extra))
                        .toArray(String[]::new));
    }
}
