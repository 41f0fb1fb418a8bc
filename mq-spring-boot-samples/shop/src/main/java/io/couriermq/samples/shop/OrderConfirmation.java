package io.couriermq.samples.shop;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Confirms the stock of each paid order. When the stock cannot be confirmed, the order is cancelled and
 * "cancel" published, once: a redelivered "paid" finds the order cancelled already. When the reservation
 * is not there yet (the "created" message is still on its way), the exception asks for a retry in 1 s.
 */
@Component
@MQMessageListener(
        topic = ShopTopics.ORDER,
        selectorExpression = ShopTopics.PAID,
        consumerGroup = "shop-order-confirm",
        delayLevelWhenNextConsume = 1,
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class OrderConfirmation implements MQListener<OrderPaid> {
    private static final Logger log = LoggerFactory.getLogger(OrderConfirmation.class);

    private final OrderRepository orders;
    private final StockService stock;
    private final MQTemplate template;

    public OrderConfirmation(OrderRepository orders, StockService stock, MQTemplate template) {
        this.orders = orders;
        this.stock = stock;
        this.template = template;
    }

    @Override
    public void onMessage(OrderPaid paid) {
        String orderId = paid.orderId();
        if (orders.status(orderId).orElse(null) != OrderStatus.PAID) {
            return; // cancelled already: a redelivery
        }
        try {
            stock.confirm(orderId);
            log.info("received order {} paid: stock confirmed", orderId);
        } catch (StockService.StockUnavailableException e) {
            if (orders.cancel(orderId)) {
                log.info("received order {} paid: stock not confirmed ({}), cancelling", orderId, e.getMessage());
                template.syncSend(
                        ShopTopics.destination(ShopTopics.CANCEL),
                        MessageBuilder.withPayload(new OrderCancelled(orderId, e.getMessage()))
                                .setHeader(MQHeaders.KEYS, orderId)
                                .build());
            }
        }
    }
}
