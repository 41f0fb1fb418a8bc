package io.couriermq.samples.filter;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Subscribes by tag: only paid and refunded events reach it. */
@Component
@MQMessageListener(
        topic = OrderEventPublisher.TOPIC,
        consumerGroup = "filter-payments-group",
        selectorExpression = "paid || refunded",
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class PaymentEventsListener implements MQListener<OrderEvent> {
    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final List<OrderEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(OrderEvent event) {
        received.add(event);
        log.info("received payment event: {}", event);
    }

    public List<OrderEvent> received() {
        return List.copyOf(received);
    }
}
