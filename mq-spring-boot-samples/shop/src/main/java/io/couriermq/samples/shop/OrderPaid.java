package io.couriermq.samples.shop;

/** Payload of the "paid" message. */
public record OrderPaid(String orderId) {}
