package io.couriermq.spring.annotation;

/** How messages of one queue are handed to the listener. */
public enum ConsumeMode {
    /** In parallel on the consumer's threads. */
    CONCURRENTLY,
    /** One at a time per queue, in queue order, under a broker lock (clustering only). */
    ORDERLY
}
