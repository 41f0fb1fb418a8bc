package io.couriermq.compat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the report states about the machine: cores, memory, JVM, and the load average before each run. */
final class MachineInfo {
    private MachineInfo() {}

    static String describe() {
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", " + memTotal() + ", JVM "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.home") + ")";
    }

    /** The first three fields of /proc/loadavg, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> "memory " + Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB")
                    .findFirst()
                    .orElse("memory unknown");
        } catch (IOException e) {
            return "memory unknown";
        }
    }
}
