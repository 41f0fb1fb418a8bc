package io.couriermq.tools.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads a local process's resident memory (anonymous and file-backed), threads and open files from /proc/&lt;pid&gt; (Linux). */
final class ProcResources {
    private final Path process;

    ProcResources(Path procRoot, long pid) {
        this.process = procRoot.resolve(Long.toString(pid));
    }

    /** Fails naming the pid when there is no such process to watch. */
    static ProcResources of(long pid) {
        ProcResources resources = new ProcResources(Path.of("/proc"), pid);
        if (!Files.isReadable(resources.process.resolve("status"))) {
            throw new IllegalArgumentException("--node-pid " + pid + ": no readable /proc/" + pid + "/status");
        }
        return resources;
    }

    NodeResources sample() {
        try {
            Long anonKb = null;
            Long fileKb = null;
            Long threads = null;
            for (String line : Files.readAllLines(process.resolve("status"))) {
                if (line.startsWith("RssAnon:")) {
                    anonKb = firstNumber(line);
                } else if (line.startsWith("RssFile:")) {
                    fileKb = firstNumber(line);
                } else if (line.startsWith("Threads:")) {
                    threads = firstNumber(line);
                }
            }
            return new NodeResources(bytes(anonKb), bytes(fileKb), null, null, openFiles(), threads);
        } catch (IOException e) {
            throw new UncheckedIOException("the node's process is gone? reading " + process + " failed", e);
        }
    }

    private Long openFiles() throws IOException {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.count();
        }
    }

    private static Long bytes(Long kb) {
        return kb == null ? null : kb * 1024;
    }

    private static Long firstNumber(String line) {
        String digits = line.replaceAll("[^0-9 ]", " ").trim().split("\\s+")[0];
        return digits.isEmpty() ? null : Long.parseLong(digits);
    }
}
