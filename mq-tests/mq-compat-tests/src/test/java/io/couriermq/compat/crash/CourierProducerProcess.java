package io.couriermq.compat.crash;

import io.couriermq.compat.harness.OurClientProgram;
import io.couriermq.harness.process.ManagedProcess;
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
        Path ackFile = dir.resolve("courier-producer-acks.txt");
        ManagedProcess process = OurClientProgram.start(
                "courier-producer",
                "crash/CourierCrashProducer.java",
                dir,
                List.of(nameServerAddress, topic, ackFile.toString(), keyPrefix));
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
