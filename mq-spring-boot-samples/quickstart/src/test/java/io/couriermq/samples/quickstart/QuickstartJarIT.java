package io.couriermq.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.harness.process.FreePorts;
import io.couriermq.harness.process.Jvm;
import io.couriermq.harness.process.ManagedProcess;
import io.couriermq.harness.process.WorkDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's instructions, as a user follows them: a standalone node from mq-broker-boot's jar, then
 * {@code java -jar quickstart.jar} against it, each in its own JVM. The quickstart must log every
 * "received ..." line and exit with 0. Runs after {@code package}, so both jars are the ones just built.
 */
class QuickstartJarIT {
    private static final Path BROKER_JAR =
            Jvm.moduleDir().resolve("../../mq-broker-boot/target/mq-broker.jar").normalize();
    private static final Path QUICKSTART_JAR = Jvm.moduleDir().resolve("target/quickstart.jar");

    @Test
    void theQuickstartJarReceivesEverythingFromAStandaloneNodeAndExitsWithZero() throws IOException {
        assumeThat(Files.isRegularFile(BROKER_JAR))
                .as("%s is built by mq-broker-boot: build the reactor, not this module alone", BROKER_JAR)
                .isTrue();
        assertThat(QUICKSTART_JAR).isRegularFile();
        Path dir = WorkDir.fresh("quickstart-jar");
        int nameServerPort = FreePorts.any();

        try (ManagedProcess node = ManagedProcess.start(
                        "standalone node",
                        Jvm.jar(
                                BROKER_JAR,
                                List.of(
                                        "--standalone",
                                        "--courier.namesrv.listen-port=" + nameServerPort,
                                        "--courier.broker.listenPort=" + FreePorts.any(),
                                        "--courier.broker.brokerIP1=127.0.0.1",
                                        "--courier.broker.mappedFileSizeCommitLog=8388608",
                                        "--courier.broker.storePathRootDir=" + dir.resolve("store"),
                                        "--server.port=0")),
                        dir,
                        dir.resolve("node.log"));
                ManagedProcess quickstart = startQuickstartWhenReady(node, nameServerPort, dir)) {
            await("quickstart exits")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !quickstart.isAlive());
            int exitCode = quickstart.terminate(Duration.ofSeconds(5));
            String output = Files.readString(quickstart.logFile());

            assertThat(exitCode).as(output).isZero();
            for (String line : Inbox.EXPECTED) {
                assertThat(output).contains("received " + line);
            }
            assertThat(output).contains("all " + Inbox.EXPECTED.size() + " messages received");
        }
    }

    private static ManagedProcess startQuickstartWhenReady(ManagedProcess node, int nameServerPort, Path dir) {
        node.awaitReady("broker registered", Duration.ofSeconds(90), () -> Files.readString(node.logFile())
                .contains("registered with NameServer"));
        return ManagedProcess.start(
                "quickstart",
                Jvm.jar(QUICKSTART_JAR, List.of("--courier.name-server=127.0.0.1:" + nameServerPort)),
                dir,
                dir.resolve("quickstart.log"));
    }
}
