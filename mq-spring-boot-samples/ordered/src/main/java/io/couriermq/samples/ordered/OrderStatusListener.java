package io.couriermq.samples.ordered;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumes status steps in ORDERLY mode: the broker locks each queue to one consumer, and the listener
 * gets that queue's messages one at a time, in queue order. Keeps each order's history.
 */
@Component
@MQMessageListener(
        topic = OrderStatusPublisher.TOPIC,
        consumerGroup = "ordered-status-group",
        consumeMode = ConsumeMode.ORDERLY,
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class OrderStatusListener implements MQListener<OrderStep> {
    private static final Logger log = LoggerFactory.getLogger(OrderStatusListener.class);

    private final Map<String, List<OrderStatus>> histories = new ConcurrentHashMap<>();

    @Override
    public void onMessage(OrderStep step) {
        List<OrderStatus> history = histories.computeIfAbsent(step.orderId(), id -> new CopyOnWriteArrayList<>());
        history.add(step.status());
        log.info("received order {}: {} (history {})", step.orderId(), step.status(), history);
    }

    /** The steps of {@code orderId} in the order they arrived. */
    public List<OrderStatus> history(String orderId) {
        return List.copyOf(histories.getOrDefault(orderId, List.of()));
    }
}
