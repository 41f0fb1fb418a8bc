package io.couriermq.samples.filter;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** At start-up, publishes a few events; the log shows which listener got which. */
@Component
@ConditionalOnBooleanProperty(name = "samples.demo", matchIfMissing = true)
public class FilterDemo implements ApplicationRunner {
    private final OrderEventPublisher publisher;

    public FilterDemo(OrderEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        List.of(
                        new OrderEvent("order-1", "created", "EU", 1_500),
                        new OrderEvent("order-1", "paid", "EU", 1_500),
                        new OrderEvent("order-2", "created", "US", 80),
                        new OrderEvent("order-2", "paid", "US", 80),
                        new OrderEvent("order-2", "refunded", "US", 80))
                .forEach(publisher::publish);
    }
}
