package io.couriermq.samples.shop;

/** Payload of the "cancel" message: what each service took for the order is to be given back. */
public record OrderCancelled(String orderId, String reason) {}
