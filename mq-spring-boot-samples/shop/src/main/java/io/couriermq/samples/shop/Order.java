package io.couriermq.samples.shop;

/** An order, also the payload of the "created" message. Amounts in cents. */
public record Order(String id, String user, String sku, int quantity, long amount, String couponId) {}
