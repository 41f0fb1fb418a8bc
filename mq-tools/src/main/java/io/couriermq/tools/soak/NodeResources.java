package io.couriermq.tools.soak;

/**
 * The node's resources at one moment; a field is null when no source (proc, actuator) provided it.
 *
 * @param anonRssBytes the process's own resident memory (/proc/&lt;pid&gt;/status RssAnon): heap, stacks, direct
 *     and native buffers. This is what a leak grows, so it is the RSS a soak judges
 * @param fileRssBytes resident pages of files the process maps (RssFile): the store's memory-mapped segments.
 *     The kernel keeps them as page cache and takes them back under pressure; they grow with the data
 *     written, so they are reported but not judged
 * @param heapAfterGcBytes live heap after the last major GC (actuator jvm.gc.live.data.size)
 * @param directBytes direct buffer memory in use (actuator jvm.buffer.memory.used, id=direct)
 * @param openFiles open file descriptors (/proc/&lt;pid&gt;/fd, else actuator process.files.open)
 * @param threads live threads (/proc/&lt;pid&gt;/status Threads, else actuator jvm.threads.live)
 */
record NodeResources(
        Long anonRssBytes, Long fileRssBytes, Long heapAfterGcBytes, Long directBytes, Long openFiles, Long threads) {
    static final NodeResources UNKNOWN = new NodeResources(null, null, null, null, null, null);

    /** This sample with each missing field taken from {@code other}. */
    NodeResources orElse(NodeResources other) {
        return new NodeResources(
                first(anonRssBytes, other.anonRssBytes),
                first(fileRssBytes, other.fileRssBytes),
                first(heapAfterGcBytes, other.heapAfterGcBytes),
                first(directBytes, other.directBytes),
                first(openFiles, other.openFiles),
                first(threads, other.threads));
    }

    private static Long first(Long value, Long fallback) {
        return value != null ? value : fallback;
    }
}
