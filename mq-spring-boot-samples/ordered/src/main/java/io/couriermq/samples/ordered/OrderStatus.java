package io.couriermq.samples.ordered;

/** The steps of an order, in the only order that makes sense. */
public enum OrderStatus {
    CREATED,
    PAID,
    SHIPPED,
    DELIVERED
}
