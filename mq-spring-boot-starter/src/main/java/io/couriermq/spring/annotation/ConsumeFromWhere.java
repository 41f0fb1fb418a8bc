package io.couriermq.spring.annotation;

/** Where a consumer group without a committed offset starts. */
public enum ConsumeFromWhere {
    /** At the end: only messages sent from now on (the default). */
    LAST_OFFSET,
    /** At the first message the broker still keeps. */
    FIRST_OFFSET,
    /** At the first message stored 30 minutes before the consumer started. */
    TIMESTAMP
}
