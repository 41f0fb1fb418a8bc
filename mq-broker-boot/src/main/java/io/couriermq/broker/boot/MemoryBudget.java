package io.couriermq.broker.boot;

import io.couriermq.store.StoreConfig;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * One line stating what the broker may use: heap and direct-memory limits (Netty's buffers and the
 * store's encode buffers are direct) and the size of each mapped segment (page cache, outside both).
 */
final class MemoryBudget {
    private static final String DIRECT_OPTION = "-XX:MaxDirectMemorySize=";

    private MemoryBudget() {}

    static String describe(StoreConfig store) {
        return describe(
                Runtime.getRuntime().maxMemory(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                store);
    }

    static String describe(long maxHeapBytes, List<String> jvmArguments, StoreConfig store) {
        return String.format(
                Locale.ROOT,
                "memory budget: heap max %s, direct memory max %s, mapped segments: commit log %s, consume queue %s",
                bytes(maxHeapBytes),
                directMemory(jvmArguments),
                bytes(store.mappedFileSizeCommitLog()),
                bytes(store.mappedFileSizeConsumeQueue()));
    }

    /** The last -XX:MaxDirectMemorySize wins, as in the JVM; without one the JVM allows about the max heap. */
    private static String directMemory(List<String> jvmArguments) {
        String value = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith(DIRECT_OPTION)) {
                value = argument.substring(DIRECT_OPTION.length());
            }
        }
        return value == null ? "JVM default (about the max heap)" : value;
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
