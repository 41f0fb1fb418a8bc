package io.couriermq.samples.ordered;

import io.couriermq.spring.core.MQTemplate;
import org.springframework.stereotype.Service;

/** Publishes status steps; the order id is the hash key, so all steps of an order go to the same queue. */
@Service
public class OrderStatusPublisher {
    static final String TOPIC = "ordered-status";

    private final MQTemplate template;

    public OrderStatusPublisher(MQTemplate template) {
        this.template = template;
    }

    public void publish(OrderStep step) {
        template.syncSendOrderly(TOPIC, step, step.orderId());
    }
}
