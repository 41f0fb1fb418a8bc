package io.couriermq.tools.soak;

/**
 * What one interval of the soak saw.
 *
 * @param index 1-based interval number
 * @param elapsedSeconds seconds since the paced run started, at the end of the interval
 * @param sent sends attempted in the interval
 * @param failed sends that failed (not acknowledged) in the interval
 * @param acknowledged acknowledged messages so far
 * @param consumed distinct messages of this run consumed so far
 * @param p99SendMs 99th percentile of the interval's send latency (0 when nothing was sent)
 * @param consumerLag the live consumers' lag as the broker counts it (messages)
 * @param outstanding acknowledged messages that must arrive and have not yet
 * @param node the node's resources at the end of the interval
 */
record IntervalRecord(
        int index,
        long elapsedSeconds,
        long sent,
        long failed,
        long acknowledged,
        long consumed,
        double p99SendMs,
        long consumerLag,
        long outstanding,
        NodeResources node) {

    /** The line printed at the end of the interval. */
    String line() {
        return String.format(
                java.util.Locale.ROOT,
                "INTERVAL n=%d t=%ds sent=%d failed=%d acked=%d consumed=%d p99_ms=%.2f lag=%d outstanding=%d"
                        + " anon_rss_mb=%s file_rss_mb=%s heap_gc_mb=%s direct_mb=%s files=%s threads=%s",
                index,
                elapsedSeconds,
                sent,
                failed,
                acknowledged,
                consumed,
                p99SendMs,
                consumerLag,
                outstanding,
                mb(node.anonRssBytes()),
                mb(node.fileRssBytes()),
                mb(node.heapAfterGcBytes()),
                mb(node.directBytes()),
                orDash(node.openFiles()),
                orDash(node.threads()));
    }

    private static String mb(Long bytes) {
        return bytes == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String orDash(Long value) {
        return value == null ? "-" : value.toString();
    }
}
