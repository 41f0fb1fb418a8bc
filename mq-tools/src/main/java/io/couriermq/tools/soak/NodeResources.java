package io.couriermq.tools.soak;

/**
 * The node's resources at one moment; a field is null when no source (proc, actuator) provided it.
 *
 * @param rssBytes resident set size (/proc/&lt;pid&gt;/status VmRSS)
 * @param heapAfterGcBytes live heap after the last major GC (actuator jvm.gc.live.data.size)
 * @param directBytes direct buffer memory in use (actuator jvm.buffer.memory.used, id=direct)
 * @param openFiles open file descriptors (/proc/&lt;pid&gt;/fd, else actuator process.files.open)
 * @param threads live threads (/proc/&lt;pid&gt;/status Threads, else actuator jvm.threads.live)
 */
record NodeResources(Long rssBytes, Long heapAfterGcBytes, Long directBytes, Long openFiles, Long threads) {
    static final NodeResources UNKNOWN = new NodeResources(null, null, null, null, null);

    /** This sample with each missing field taken from {@code other}. */
    NodeResources orElse(NodeResources other) {
        return new NodeResources(
                first(rssBytes, other.rssBytes),
                first(heapAfterGcBytes, other.heapAfterGcBytes),
                first(directBytes, other.directBytes),
                first(openFiles, other.openFiles),
                first(threads, other.threads));
    }

    private static Long first(Long value, Long fallback) {
        return value != null ? value : fallback;
    }
}
