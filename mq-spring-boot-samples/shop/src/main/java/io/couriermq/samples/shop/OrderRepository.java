package io.couriermq.samples.shop;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

/** The order service's database, in memory: orders and their status. */
@Repository
public class OrderRepository {
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();

    public void insert(Order order) {
        if (orders.putIfAbsent(order.id(), order) == null) {
            statuses.put(order.id(), OrderStatus.CREATED);
        }
    }

    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    public Optional<OrderStatus> status(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
    }

    /** CREATED to PAID; false when the order was not CREATED (already paid, cancelled or unknown). */
    public boolean markPaid(String orderId) {
        return statuses.replace(orderId, OrderStatus.CREATED, OrderStatus.PAID);
    }

    /** To CANCELLED; false when it already was (or is unknown), so a cancellation happens once. */
    public boolean cancel(String orderId) {
        OrderStatus before = statuses.get(orderId);
        return before != null
                && before != OrderStatus.CANCELLED
                && statuses.replace(orderId, before, OrderStatus.CANCELLED);
    }
}
