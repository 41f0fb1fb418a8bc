package io.couriermq.remoting.protocol.body;

/** How a consumer group fetches: PULL-style clients (incl. lite pull), push, or 5.x POP. */
public enum ConsumeType {
    CONSUME_ACTIVELY,
    CONSUME_PASSIVELY,
    CONSUME_POP
}
