package io.couriermq.spring.annotation;

/** Whether a group shares its topics' messages or every instance gets all of them. */
public enum MessageModel {
    /** The instances of a group split the queues: each message is consumed once per group. */
    CLUSTERING,
    /** Every instance gets every message; offsets are kept in a local file. */
    BROADCASTING
}
