package io.couriermq.samples.filter;

/** Something that happened to an order: {@code type} is created, paid, refunded or shipped. */
public record OrderEvent(String orderId, String type, String region, long amount) {}
