package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user runs it, in its own JVM: {@code -c broker.conf --standalone} gives a node
 * that registers and reports UP, and SIGTERM stops it cleanly; a missing broker.conf stops start-up
 * with a report naming the path. Runs after {@code package}, so the jar is the one just built.
 */
class BrokerJarIT {
    private static final Path JAR = Path.of("target", "mq-broker.jar");
    private static final Pattern ACTUATOR_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void standaloneNodeStartsRegistersAndStopsCleanlyOnSigterm() throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"), """
                brokerClusterName=JarCluster
                brokerName=broker-jar
                brokerIP1=127.0.0.1
                listenPort=0
                mappedFileSizeCommitLog=8388608
                storePathRootDir=%s
                """.formatted(
                        dir.resolve("store").toString().replace("\\", "\\\\")));
        Path log = dir.resolve("broker.log");
        process = launch(
                log, "-c", conf.toString(), "--standalone", "--courier.namesrv.listen-port=0", "--server.port=0");

        // the broker registers before the actuator's web server is up (BrokerFirstListener): wait for both
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String logged = Files.readString(log);
            return logged.contains("registered with NameServer")
                    && ACTUATOR_PORT.matcher(logged).find();
        });
        String startLog = Files.readString(log);
        Matcher port = ACTUATOR_PORT.matcher(startLog);
        assertThat(port.find()).as(startLog).isTrue();
        assertThat(startLog).contains("memory budget: heap max").contains("cluster JarCluster");
        assertThat(get("http://127.0.0.1:" + port.group(1) + "/actuator/health"))
                .endsWith("\"status\":\"UP\"}");

        process.destroy(); // SIGTERM: Spring's shutdown hook stops the broker, then the NameServer

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("broker broker-jar stopped").contains("shut down cleanly");
    }

    @Test
    void aMissingConfigFileStopsStartUpNamingThePath() throws Exception {
        Path missing = dir.resolve("missing.conf");
        Path log = dir.resolve("failed.log");
        process = launch(log, "-c", missing.toString(), "--server.port=0");

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("APPLICATION FAILED TO START")
                .contains("broker config file " + missing.toAbsolutePath() + " cannot be read: no such file");
    }

    private static Process launch(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:MaxDirectMemorySize=128m",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
