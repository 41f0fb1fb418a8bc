package io.couriermq.broker.metrics;

/**
 * What the broker reports for metrics and tracing, without depending on a metrics library: the boot
 * module turns these calls into Micrometer meters. Called on request threads; implementations must be
 * cheap and must not throw.
 */
public interface BrokerObserver {
    BrokerObserver NONE = new BrokerObserver() {};

    /** Messages appended to a topic (a batch counts each message), with the time from request to stored. */
    default void onMessagesStored(String topic, int count, long bytes, long latencyNanos) {}

    /** A put the store refused, by its status name. */
    default void onPutFailed(String topic, String status) {}

    /** Messages delivered by a pull, with the time the pull took (held pulls included). */
    default void onMessagesPulled(String consumerGroup, String topic, int count, long bytes, long latencyNanos) {}
}
