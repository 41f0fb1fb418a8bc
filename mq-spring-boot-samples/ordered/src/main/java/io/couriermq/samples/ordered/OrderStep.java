package io.couriermq.samples.ordered;

/** One status change of one order: the message payload, sent as JSON. */
public record OrderStep(String orderId, OrderStatus status) {}
