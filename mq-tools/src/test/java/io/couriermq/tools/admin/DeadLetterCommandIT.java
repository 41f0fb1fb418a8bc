package io.couriermq.tools.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlq resend}, and {@code pending} / {@code cancel} over delay levels, against a real broker in this JVM. */
class DeadLetterCommandIT {
    @TempDir
    Path storeDir;

    private Broker broker;
    private String address;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of("listenPort", "0", "mappedFileSizeCommitLog", String.valueOf(16 << 20)),
                        storeDir,
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        address = "127.0.0.1:" + broker.listenPort();
    }

    @AfterEach
    void stop() {
        broker.shutdown();
    }

    @Test
    void aPendingDelayedMessageIsListedAndCancelled() {
        sendDelayed("Later", "UNIQ-TOOL-1", 18);

        assertThat(run("pending", "Later", "--broker", address)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNIQ-TOOL-1").contains("delayLevel=18");

        assertThat(run("cancel", "UNIQ-TOOL-1", "--broker", address)).isZero();
        assertThat(run("cancel", "UNIQ-TOOL-1", "--broker", address)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNIQ-TOOL-1");
    }

    @Test
    void badArgumentsAreUsageErrorsAndARefusalCarriesTheBrokersRemark() {
        assertThat(run("dlq", "resend", "--broker", address)).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --group");
        assertThat(run("dlq", "resend", "--broker", address, "--group", "cg", "--begin", "0", "--end", "5"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("%DLQ%cg does not exist");
    }

    private int run(String... args) {
        return Main.run(
                args,
                new Console(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private void sendDelayed(String topic, String uniqueKey, int level) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg",
                topic,
                "TBW102",
                4,
                0,
                0,
                System.currentTimeMillis(),
                0,
                MessageProperties.encode(Map.of("UNIQ_KEY", uniqueKey, "DELAY", Integer.toString(level))),
                0,
                false,
                null,
                false,
                "broker-a");
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            RemotingCommand response = client.invokeSync(
                    address,
                    RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                            .header(header.v2())
                            .body("later".getBytes(StandardCharsets.UTF_8))
                            .build(),
                    3_000);
            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        }
    }
}
