package io.couriermq.samples.filter;

import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Publishes order events with what the filters look at outside the body: the type as tag, region and
 * amount as message properties (every simple header other than the {@code courier_} ones travels as one).
 */
@Service
public class OrderEventPublisher {
    static final String TOPIC = "filter-order-events";

    private final MQTemplate template;

    public OrderEventPublisher(MQTemplate template) {
        this.template = template;
    }

    public void publish(OrderEvent event) {
        template.syncSend(
                TOPIC,
                MessageBuilder.withPayload(event)
                        .setHeader(MQHeaders.TAGS, event.type())
                        .setHeader(MQHeaders.KEYS, event.orderId())
                        .setHeader("region", event.region())
                        .setHeader("amount", event.amount())
                        .build());
    }
}
