package io.couriermq.samples.shop;

import io.couriermq.spring.annotation.MQTransactionListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQLocalTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The local transaction of a placed order: insert it, unless the user's balance cannot pay for it. The
 * check-back, asked by the broker when it never heard the outcome, answers from the repository: an order
 * that is there was committed.
 */
@MQTransactionListener(producerGroup = ShopTopics.ORDER_TX_GROUP)
public class OrderTransactionListener implements MQLocalTransactionListener {
    private static final Logger log = LoggerFactory.getLogger(OrderTransactionListener.class);

    private final OrderRepository orders;
    private final WalletService wallet;

    public OrderTransactionListener(OrderRepository orders, WalletService wallet) {
        this.orders = orders;
        this.wallet = wallet;
    }

    @Override
    public MQLocalTransactionState executeLocalTransaction(Message<?> message, Object argument) {
        Order order = (Order) argument;
        if (wallet.balance(order.user()) < order.amount()) {
            log.info("order {} rolled back: balance of {} below {}", order.id(), order.user(), order.amount());
            return MQLocalTransactionState.ROLLBACK;
        }
        orders.insert(order);
        log.info("order {} created", order.id());
        return MQLocalTransactionState.COMMIT;
    }

    @Override
    public MQLocalTransactionState checkLocalTransaction(Message<?> message) {
        String orderId = (String) message.getHeaders().get(MQHeaders.KEYS);
        return orders.find(orderId).isPresent() ? MQLocalTransactionState.COMMIT : MQLocalTransactionState.ROLLBACK;
    }
}
