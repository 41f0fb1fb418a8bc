package io.couriermq.compat.crash;

import io.couriermq.harness.process.Jvm;
import io.couriermq.harness.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Our producer (io.couriermq.client) sending keyed sync messages in a JVM of its own, run from the single
 * source file src/test/resources/crash/CourierCrashProducer.java on mq-tools.jar's classpath (which carries
 * our client): our Netty 4.2 cannot share this module's classpath with the official client's Netty 4.1.
 * It writes every acknowledged key to {@link #ackFile()}; {@link #close()} kills it.
 */
public final class CourierProducerProcess implements AutoCloseable {
    private final ManagedProcess process;
    private final Path ackFile;

    private CourierProducerProcess(ManagedProcess process, Path ackFile) {
        this.process = process;
        this.ackFile = ackFile;
    }

    /** Starts sending to {@code topic} with keys {@code keyPrefix0, keyPrefix1, ...}. */
    public static CourierProducerProcess start(Path dir, String nameServerAddress, String topic, String keyPrefix) {
        Path jar = Jvm.projectRoot().resolve("mq-tools/target/mq-tools.jar");
        Path source = Jvm.moduleDir().resolve("src/test/resources/crash/CourierCrashProducer.java");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("mq-tools.jar (our client's classpath for the producer process) is missing"
                    + " at " + jar + ": build it first (mvn -pl mq-tools -am package -DskipTests)");
        }
        Path ackFile = dir.resolve("courier-producer-acks.txt");
        List<String> command = List.of(
                Jvm.javaBinary(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                jar.toString(),
                source.toString(),
                nameServerAddress,
                topic,
                ackFile.toString(),
                keyPrefix);
        ManagedProcess process =
                ManagedProcess.start("courier-producer", command, dir, dir.resolve("courier-producer.log"));
        return new CourierProducerProcess(process, ackFile);
    }

    public Path ackFile() {
        return ackFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The producer's log tail, for a failure message. */
    public String logTail() {
        return (process.isAlive() ? "running" : "exited") + ", " + process.logFile() + ":\n" + process.logTail(20);
    }

    @Override
    public void close() {
        process.close();
    }
}
