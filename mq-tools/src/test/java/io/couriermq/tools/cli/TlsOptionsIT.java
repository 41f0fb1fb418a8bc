package io.couriermq.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.netty.tls.TestCertificates;
import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import io.couriermq.test.EmbeddedCluster;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.transport.ToolTransports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global TLS options against an in-JVM NameServer and broker that both enforce TLS (plain connections
 * are closed unanswered): the admin commands and both bench transports work with {@code --tls-ca}, and fail
 * with a message and exit code 1 without it or with a CA that did not sign the server's certificate.
 */
class TlsOptionsIT {
    private static final String TOPIC = "TlsCliTopic";

    @TempDir
    static Path dir;

    private static TestCertificates pki;
    private static EmbeddedCluster cluster;
    private static String namesrv;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        pki = TestCertificates.createIn(dir.resolve("pki"));
        cluster = EmbeddedCluster.builder()
                .parentDirectory(dir)
                .nameServerTls(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server")))
                .brokerSettings(Map.of(
                        "tls.server.mode", "enforcing",
                        "tls.server.certPath", pki.pem("server").certChain().toString(),
                        "tls.server.keyPath", pki.pem("server").privateKey().toString()))
                .start();
        namesrv = cluster.nameServerAddress();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void clear() {
        out.reset();
        err.reset();
    }

    @Test
    void adminCommandsAndBenchWorkWithTheCaAndFailCleanlyWithoutIt() {
        String ca = pki.caPem().toString();
        assertThat(run("--tls-ca", ca, "topic", "create", "-n", namesrv, "-t", TOPIC, "-c", "DefaultCluster"))
                .as(output())
                .isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> run("topic", "route", "-n", namesrv, "-t", TOPIC, "--tls-ca", ca) == 0);
        clear();
        assertThat(run("topic", "list", "-n", namesrv, "--tls-ca", ca))
                .as(output())
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(TOPIC);

        for (String transport : new String[] {"client", "remoting"}) {
            clear();
            assertThat(run(
                            "--tls-ca",
                            ca,
                            "bench",
                            "produce-sync",
                            "-n",
                            namesrv,
                            "--topic",
                            TOPIC,
                            "--messages",
                            "50",
                            "--threads",
                            "2",
                            "--transport",
                            transport))
                    .as(output())
                    .isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("messages=50 errors=0");
        }
    }

    @Test
    void withoutTlsOrTrustingAnotherCaNothingWorksAndTheErrorSaysWhere() {
        clear();
        assertThat(run("topic", "list", "-n", namesrv)).isEqualTo(1);
        assertThat(output()).contains("error: ").contains(namesrv);

        clear();
        assertThat(run("--tls", "topic", "list", "-n", namesrv))
                .as("the JDK trust store lacks the test CA")
                .isEqualTo(1);
        assertThat(output()).contains("error: ");

        clear();
        assertThat(run("--tls-ca", pki.dir().resolve("other-ca.pem").toString(), "topic", "list", "-n", namesrv))
                .isEqualTo(1);

        clear();
        assertThat(run("bench", "produce-sync", "-n", namesrv, "--topic", TOPIC, "--messages", "50"))
                .isEqualTo(1);
        assertThat(output()).contains("bench produce-sync failed");
    }

    @Test
    void inconsistentTlsOptionsAreUsageErrorsNamingTheOption() {
        String ca = pki.caPem().toString();
        assertThat(run("--tls-key", pki.pem("client").privateKey().toString(), "topic", "list", "-n", namesrv))
                .isEqualTo(2);
        assertThat(output()).contains("--tls-key needs --tls-cert");

        clear();
        assertThat(run(
                        "--tls-ca",
                        ca,
                        "--tls-cert",
                        pki.pem("client").certChain().toString(),
                        "topic",
                        "list",
                        "-n",
                        namesrv))
                .isEqualTo(2);
        assertThat(output()).contains("--tls-cert needs --tls-key");

        clear();
        assertThat(run("--no-tls-hostname-check", "topic", "list", "-n", namesrv))
                .isEqualTo(2);
        assertThat(output()).contains("--no-tls-hostname-check needs --tls or --tls-ca");

        clear();
        assertThat(run(
                        "--tls-ca",
                        dir.resolve("missing.pem").toString(),
                        "bench",
                        "produce-sync",
                        "-n",
                        namesrv,
                        "--topic",
                        TOPIC))
                .isEqualTo(2);
        assertThat(output()).contains("--tls-ca " + dir.resolve("missing.pem") + ": no such readable file");
    }

    private int run(String... args) {
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = MqToolsCommand.commandLine(console, new ToolTransports(), name -> null)
                .execute(args);
        console.outWriter().flush();
        console.errWriter().flush();
        return exit;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
