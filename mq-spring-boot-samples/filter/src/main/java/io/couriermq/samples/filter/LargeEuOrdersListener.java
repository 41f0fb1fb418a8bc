package io.couriermq.samples.filter;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.core.MQListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Subscribes by a SQL92 condition on message properties: EU events of 1000 or more, whatever their tag. */
@Component
@MQMessageListener(
        topic = OrderEventPublisher.TOPIC,
        consumerGroup = "filter-large-eu-group",
        selectorType = SelectorType.SQL92,
        selectorExpression = "region = 'EU' AND amount >= 1000",
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class LargeEuOrdersListener implements MQListener<OrderEvent> {
    private static final Logger log = LoggerFactory.getLogger(LargeEuOrdersListener.class);

    private final List<OrderEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(OrderEvent event) {
        received.add(event);
        log.info("received large EU order event: {}", event);
    }

    public List<OrderEvent> received() {
        return List.copyOf(received);
    }
}
