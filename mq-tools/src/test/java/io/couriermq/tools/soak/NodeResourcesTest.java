package io.couriermq.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeResourcesTest {
    @TempDir
    Path proc;

    @Test
    void procGivesAnonymousAndFileRssThreadsAndOpenFiles() throws IOException {
        Path process = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(
                process.resolve("status"),
                "Name:\tjava\nVmRSS:\t  307200 kB\nRssAnon:\t  204800 kB\nRssFile:\t  102400 kB\nThreads:\t57\n");
        Path fd = Files.createDirectories(process.resolve("fd"));
        for (int i = 0; i < 3; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }

        NodeResources sample = new ProcResources(proc, 4242).sample();

        assertThat(sample).isEqualTo(new NodeResources(200L << 20, 100L << 20, null, null, 3L, 57L));
    }

    @Test
    void theLiveProcOfThisJvmIsReadable() {
        NodeResources sample = ProcResources.of(ProcessHandle.current().pid()).sample();

        assertThat(sample.anonRssBytes()).isPositive();
        assertThat(sample.fileRssBytes()).isNotNull();
        assertThat(sample.threads()).isPositive();
        assertThat(sample.openFiles()).isPositive();
    }

    @Test
    void anUnknownPidIsNamed() {
        assertThatThrownBy(() -> ProcResources.of(Long.MAX_VALUE)).hasMessageContaining("--node-pid " + Long.MAX_VALUE);
    }

    @Test
    void theActuatorGivesHeapAfterGcDirectMemoryThreadsAndFiles() throws IOException {
        Map<String, String> metrics = Map.of(
                "/actuator/metrics/jvm.gc.live.data.size", "1.048576E7",
                "/actuator/metrics/jvm.buffer.memory.used", "2097152",
                "/actuator/metrics/process.files.open", "120.0",
                "/actuator/metrics/jvm.threads.live", "64.0");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/metrics/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String value = metrics.get(path);
            boolean directAsked = !path.endsWith("jvm.buffer.memory.used") || "tag=id:direct".equals(query);
            byte[] body = (value == null || !directAsked
                            ? "{}"
                            : "{\"name\":\"x\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":" + value + "}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(value == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            NodeResources sample = new ActuatorResources(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/")
                    .sample();

            assertThat(sample).isEqualTo(new NodeResources(null, null, 10_485_760L, 2_097_152L, 120L, 64L));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void procFiguresWinAndTheActuatorFillsTheRest() {
        NodeResources proc = new NodeResources(100L, 50L, null, null, 5L, 10L);
        NodeResources actuator = new NodeResources(null, null, 7L, 8L, 6L, 11L);

        assertThat(proc.orElse(actuator)).isEqualTo(new NodeResources(100L, 50L, 7L, 8L, 5L, 10L));
    }

    @Test
    void anActuatorUrlMustBeHttp() {
        assertThatThrownBy(() -> new ActuatorResources("host:8080"))
                .hasMessageContaining("--actuator-url must be an http(s) URL, was 'host:8080'");
    }
}
