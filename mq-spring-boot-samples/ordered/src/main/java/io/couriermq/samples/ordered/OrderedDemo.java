package io.couriermq.samples.ordered;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** At start-up, publishes the steps of three orders interleaved; the log shows each order's steps in order. */
@Component
@ConditionalOnBooleanProperty(name = "samples.demo", matchIfMissing = true)
public class OrderedDemo implements ApplicationRunner {
    private final OrderStatusPublisher publisher;

    public OrderedDemo(OrderStatusPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (OrderStatus status : OrderStatus.values()) {
            for (String orderId : List.of("order-1", "order-2", "order-3")) {
                publisher.publish(new OrderStep(orderId, status));
            }
        }
    }
}
