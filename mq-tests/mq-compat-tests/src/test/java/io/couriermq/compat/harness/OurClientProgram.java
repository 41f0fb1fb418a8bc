package io.couriermq.compat.harness;

import io.couriermq.harness.process.Jvm;
import io.couriermq.harness.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-source program of this module's test resources run with our client (io.couriermq.client) in a
 * JVM of its own, on mq-tools.jar's classpath, which carries it: our Netty 4.2 cannot share this module's
 * classpath with the official client's Netty 4.1.
 */
public final class OurClientProgram {
    private OurClientProgram() {}

    /**
     * Starts {@code src/test/resources/<source>} with {@code args}; its output goes to {@code dir/<name>.log}.
     *
     * @throws IllegalStateException if mq-tools.jar has not been built
     */
    public static ManagedProcess start(String name, String source, Path dir, List<String> args) {
        Path jar = Jvm.projectRoot().resolve("mq-tools/target/mq-tools.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("mq-tools.jar (our client's classpath for " + name + ") is missing at "
                    + jar + ": build it first (mvn -pl mq-tools -am package -DskipTests)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Jvm.javaBinary(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                jar.toString(),
                Jvm.moduleDir().resolve("src/test/resources").resolve(source).toString()));
        command.addAll(args);
        return ManagedProcess.start(name, command, dir, dir.resolve(name + ".log"));
    }
}
