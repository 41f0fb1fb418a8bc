package io.couriermq.samples.shop;

import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.TransactionSendResult;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Places orders. The "created" message and the order's insert succeed or fail together: the message is
 * sent as a transactional (half) message, {@link OrderTransactionListener} inserts the order, and only
 * when it commits does the broker deliver the message.
 */
@Service
public class OrderService {
    private final MQTemplate template;

    public OrderService(MQTemplate template) {
        this.template = template;
    }

    /** True when the order was placed; false when its local transaction rolled back. */
    public boolean placeOrder(Order order) {
        Message<Order> created = MessageBuilder.withPayload(order)
                .setHeader(MQHeaders.KEYS, order.id())
                .build();
        TransactionSendResult result = template.sendMessageInTransaction(
                ShopTopics.ORDER_TX_GROUP, ShopTopics.destination(ShopTopics.CREATED), created, order);
        return result.localState() == LocalTransactionState.COMMIT;
    }
}
