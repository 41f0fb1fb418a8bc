package io.couriermq.samples.shop;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stock per SKU. Reserves it when an order is created, confirms it when the order is paid (which fails
 * for a discontinued SKU), and gives it back when the order is cancelled.
 */
@Service
public class StockService {
    private static final Logger log = LoggerFactory.getLogger(StockService.class);

    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Set<String> discontinued = ConcurrentHashMap.newKeySet();
    private final Map<String, Order> reservations = new ConcurrentHashMap<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final AppliedKeys reserved = new AppliedKeys("stock reservation");
    private final AppliedKeys restored = new AppliedKeys("stock restore");

    public void restock(String sku, int quantity) {
        stock.merge(sku, quantity, Integer::sum);
    }

    /** Orders of {@code sku} can still be created and paid, but no longer confirmed. */
    public void discontinue(String sku) {
        discontinued.add(sku);
    }

    public int available(String sku) {
        return stock.getOrDefault(sku, 0);
    }

    @MQMessageListener(
            topic = ShopTopics.ORDER,
            selectorExpression = ShopTopics.CREATED,
            consumerGroup = "shop-stock",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onOrderCreated(Order order) {
        if (reserved.firstDelivery(order.id())) {
            reservations.put(order.id(), order);
            stock.merge(order.sku(), -order.quantity(), Integer::sum);
            log.info("received order {} created: {} x {} reserved", order.id(), order.quantity(), order.sku());
        }
    }

    /**
     * Confirms the reservation of a paid order. Fails with {@link StockUnavailableException} for a
     * discontinued SKU, and with an IllegalStateException when the "created" message has not been
     * consumed yet, so the caller retries.
     */
    public void confirm(String orderId) {
        Order order = reservations.get(orderId);
        if (order == null) {
            throw new IllegalStateException("no reservation for order " + orderId + " yet");
        }
        if (discontinued.contains(order.sku())) {
            throw new StockUnavailableException(order.sku() + " is discontinued");
        }
        confirmed.add(orderId);
    }

    public boolean isConfirmed(String orderId) {
        return confirmed.contains(orderId);
    }

    /** Broadcasting: every instance of the stock service hears of each cancellation. */
    @MQMessageListener(
            topic = ShopTopics.ORDER,
            selectorExpression = ShopTopics.CANCEL,
            consumerGroup = "shop-stock-restore",
            messageModel = MessageModel.BROADCASTING,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onOrderCancelled(OrderCancelled cancelled) {
        Order order = reservations.get(cancelled.orderId());
        if (restored.firstDelivery(cancelled.orderId()) && order != null) {
            stock.merge(order.sku(), order.quantity(), Integer::sum);
            log.info("received order {} cancelled: {} x {} back in stock", order.id(), order.quantity(), order.sku());
        }
    }

    public int reservationDeliveries(String orderId) {
        return reserved.deliveries(orderId);
    }

    public int restoreDeliveries(String orderId) {
        return restored.deliveries(orderId);
    }

    /** The warehouse cannot ship it. */
    public static class StockUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StockUnavailableException(String message) {
            super(message);
        }
    }
}
