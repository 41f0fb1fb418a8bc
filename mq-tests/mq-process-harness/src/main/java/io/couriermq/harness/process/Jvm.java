package io.couriermq.harness.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the same java binary as this JVM, small heaps. */
public final class Jvm {

    /** Small enough for three JVMs plus Maven on a 2-core machine; the official scripts default to 8 GB. */
    static final List<String> SMALL_HEAP = List.of(
            "-Xms256m",
            "-Xmx512m",
            "-XX:MaxDirectMemorySize=256m",
            "-XX:+UseSerialGC",
            // Start-up time matters here, peak throughput does not.
            "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true");

    private Jvm() {}

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The module's directory: failsafe sets {@code basedir}; an IDE usually runs in the module. */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The repository root: the nearest directory above the module that holds mq-broker-boot, so our server jars
     * are found whatever the module's depth (mq-tests/*, mq-spring-boot-samples/*). Falls back to two levels up,
     * where the missing-jar messages then point.
     */
    public static Path projectRoot() {
        for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mq-broker-boot/pom.xml"))) {
                return dir;
            }
        }
        return moduleDir().resolve("../..").normalize();
    }

    /**
     * The official servers' classpath, as written by maven-dependency-plugin build-classpath to the file
     * named by {@code compat.classpath.file}: mq-compat-tests writes its own test classpath there;
     * mq-client-compat-tests points it at mq-official-classpath's file, so no RocketMQ jar is on its
     * own classpath. The test JVM's {@code java.class.path} may be a manifest-only jar under failsafe,
     * so it is not used.
     */
    public static String officialClasspath() {
        Path file = Path.of(System.getProperty(
                "compat.classpath.file",
                moduleDir().resolve("target/compat-classpath.txt").toString()));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "classpath file " + file + " missing: build the module that writes it first (mq-compat-tests:"
                            + " mvn generate-test-resources; mq-official-classpath: mvn package)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java <small heap> <jvmArgs> -cp <official classpath> mainClass args}. */
    public static List<String> officialMain(String mainClass, List<String> jvmArgs, List<String> args) {
        return officialMain(mainClass, SMALL_HEAP, jvmArgs, args);
    }

    /** {@code java <heap> <jvmArgs> -cp <official classpath> mainClass args}. */
    public static List<String> officialMain(
            String mainClass, List<String> heap, List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(heap);
        // Permissive TLS makes every official server build a self-signed certificate at start-up
        // (seconds on this machine); the tests speak plain TCP on loopback.
        command.add("-Dtls.server.mode=disabled");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(officialClasspath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** {@code java <small heap> -jar jar args}. */
    public static List<String> jar(Path jar, List<String> args) {
        return jar(jar, List.of(), args);
    }

    /** {@code java <small heap> <jvmArgs> -jar jar args}. */
    public static List<String> jar(Path jar, List<String> jvmArgs, List<String> args) {
        return jar(jar, SMALL_HEAP, jvmArgs, args);
    }

    /** {@code java <heap> <jvmArgs> -jar jar args}. */
    public static List<String> jar(Path jar, List<String> heap, List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(heap);
        // The embedded Tomcat's work directories (one per start, left by every killed process) go to the
        // build's target directory, not the machine's /tmp.
        command.add("-Djava.io.tmpdir=" + WorkDir.temporary("process-tmp"));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }
}
