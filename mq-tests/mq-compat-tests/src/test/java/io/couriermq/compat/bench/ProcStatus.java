package io.couriermq.compat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's resident memory from {@code /proc/<pid>/status}: all of it (VmRSS) and its anonymous part. */
record ProcStatus(long vmRssKib, long rssAnonKib) {

    static ProcStatus of(long pid) {
        Path file = Path.of("/proc", Long.toString(pid), "status");
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process exited?)", e);
        }
    }

    static ProcStatus parse(List<String> lines) {
        return new ProcStatus(kib(lines, "VmRSS:"), kib(lines, "RssAnon:"));
    }

    private static long kib(List<String> lines, String key) {
        return lines.stream()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).strip().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " line in /proc/<pid>/status"));
    }

    double vmRssMib() {
        return vmRssKib / 1024.0;
    }

    double rssAnonMib() {
        return rssAnonKib / 1024.0;
    }
}
