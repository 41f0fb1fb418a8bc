package io.couriermq.remoting.rpc;

/**
 * A hook for metrics and tracing around request processing. Called on processor threads; must be
 * cheap and must not throw. The remoting layer has no metrics library of its own.
 */
@FunctionalInterface
public interface RequestObserver {
    /** Response code reported for requests that produced no response (oneway, or answered later). */
    int NO_RESPONSE = -1;

    /** Response code reported for requests not run because their connection closed while they waited. */
    int SKIPPED = -2;

    void onRequestProcessed(int requestCode, int responseCode, long durationNanos);

    RequestObserver NONE = (requestCode, responseCode, durationNanos) -> {};
}
