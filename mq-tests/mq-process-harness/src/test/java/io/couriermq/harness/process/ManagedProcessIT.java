package io.couriermq.harness.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessIT {
    @TempDir
    Path dir;

    @Test
    void killEndsTheProcessAndItsLogStays() {
        ManagedProcess sleeper = ManagedProcess.start(
                "sleeper", List.of("sh", "-c", "echo started; exec sleep 60"), dir, dir.resolve("out.log"));
        sleeper.awaitReady("first line logged", Duration.ofSeconds(10), () -> sleeper.logTail(1)
                .contains("started"));

        sleeper.kill();

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(sleeper.logTail(5)).contains("sleep 60").contains("started");
    }

    @Test
    void terminateReturnsTheExitCodeOfAProcessThatHandlesSigterm() {
        ManagedProcess process = ManagedProcess.start(
                "trapper",
                List.of("sh", "-c", "trap 'exit 7' TERM; echo ready; while true; do sleep 0.1; done"),
                dir,
                dir.resolve("trap.log"));
        process.awaitReady(
                "ready", Duration.ofSeconds(10), () -> process.logTail(1).contains("ready"));

        assertThat(process.terminate(Duration.ofSeconds(10))).isEqualTo(7);
    }

    @Test
    void waitingForAProcessThatExitedFailsAtOnceWithItsLog() {
        ManagedProcess failing = ManagedProcess.start(
                "failing", List.of("sh", "-c", "echo no config; exit 3"), dir, dir.resolve("f.log"));

        assertThatThrownBy(() -> failing.awaitPortOpen(FreePorts.any(), Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("no config");
    }

    @Test
    void aBrokerListenPortComesWithItsFastPortFree() throws Exception {
        int port = FreePorts.brokerListenPort();

        try (ServerSocket listen = new ServerSocket(port);
                ServerSocket fast = new ServerSocket(port - 2)) {
            assertThat(listen.getLocalPort()).isEqualTo(port);
            assertThat(fast.getLocalPort()).isEqualTo(port - 2);
        }
    }
}
