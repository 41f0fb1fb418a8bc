package io.couriermq.compat.bench;

import io.couriermq.harness.process.Jvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the load generator in a JVM of its own (so the orchestrator's JIT and heap are not the client's):
 * with the official 5.2.0 producer ({@code scripts/bench-official-client.sh}) or as mq-tools ships it
 * ({@code java -jar mq-tools/target/mq-tools.jar bench}); returns its RESULT line.
 */
final class LoadClient {

    /** Which program generates the load. */
    enum Program {
        /** The official DefaultMQProducer under mq-tools' runners (producing modes only). */
        OFFICIAL_PRODUCER("official 5.2.0 producer"),
        /** mq-tools as shipped: our client, or raw remoting requests for {@code consume}. */
        MQ_TOOLS("mq-tools bench");

        private final String title;

        Program(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    private final Path root;
    private final Path logDir;
    private final List<String> javaOptions;
    private int runs;

    LoadClient(Path root, Path logDir, List<String> javaOptions) {
        this.root = root;
        this.logDir = logDir;
        this.javaOptions = List.copyOf(javaOptions);
    }

    List<String> javaOptions() {
        return javaOptions;
    }

    /** Runs {@code bench <benchArgs>}; fails with the log's tail when it exits badly or prints no RESULT. */
    BenchLine run(Program program, List<String> benchArgs, Duration timeout) {
        List<String> command = command(program, benchArgs);
        Path log = logDir.resolve(String.format("client-%03d-%s.log", ++runs, benchArgs.get(0)));
        try {
            Files.createDirectories(logDir);
            Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_OPTS", String.join(" ", javaOptions));
            builder.environment()
                    .put("BENCH_LOGS", logDir.resolve("official-client").toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("load client did not finish within " + timeout + ": " + tail(log));
            }
            List<String> result = Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("RESULT "))
                    .toList();
            if (process.exitValue() != 0 || result.size() != 1) {
                throw new IllegalStateException(
                        "load client exited " + process.exitValue() + " with no RESULT line: " + tail(log));
            }
            return BenchLine.parse(result.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the load client: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load client ran", e);
        }
    }

    private List<String> command(Program program, List<String> benchArgs) {
        List<String> command = new ArrayList<>();
        if (program == Program.OFFICIAL_PRODUCER) {
            command.add(root.resolve("scripts/bench-official-client.sh").toString());
        } else {
            Path jar = root.resolve("mq-tools/target/mq-tools.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        jar + " is missing: build it first (mvn -pl mq-tools -am package -DskipTests)");
            }
            command.add(Jvm.javaBinary());
            command.addAll(javaOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.add("bench");
        }
        command.addAll(benchArgs);
        return command;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "log " + log + ", last lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "log " + log + " unreadable: " + e.getMessage();
        }
    }
}
