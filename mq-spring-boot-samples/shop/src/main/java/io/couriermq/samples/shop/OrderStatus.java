package io.couriermq.samples.shop;

public enum OrderStatus {
    CREATED,
    PAID,
    CANCELLED
}
