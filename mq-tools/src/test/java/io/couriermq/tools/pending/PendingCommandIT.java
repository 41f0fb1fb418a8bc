package io.couriermq.tools.pending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.timer.TimerDiversion;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.time.Clock;
import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pending} and {@code cancel} against a broker in this JVM holding a timed message. */
class PendingCommandIT {
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
        Message timed = Message.builder("Orders", 1)
                .property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "timed-1")
                .property(MessageConst.TIMER_DELAY_SEC, "3600")
                .build();
        broker.store()
                .putMessage(new TimerDiversion(Clock.system(), 259_200).divert(timed))
                .join();
    }

    @AfterEach
    void stop() {
        broker.shutdown();
    }

    @Test
    void pendingListsTheTimedMessageAndCancelRemovesIt() {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> run("pending", "Orders", "--broker", address) == 0
                        && out.toString(StandardCharsets.UTF_8).contains("timed-1"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"schedule\":\"timer\"");

        out.reset();
        assertThat(run("cancel", "timed-1", "--broker", address)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CANCELLED timed-1");

        assertThat(run("cancel", "timed-1", "--broker", address)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("QUERY_NOT_FOUND");
        out.reset();
        assertThat(run("pending", "Orders", "--broker", address)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("[]");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(run("pending", "Orders")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--broker");
        assertThat(run("cancel", "--broker")).isEqualTo(Main.USAGE);
    }

    private int run(String... args) {
        out.reset();
        return Main.run(
                args,
                new Console(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
