package io.couriermq.samples.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.test.EmbeddedMQ;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "samples.demo=false")
@EmbeddedMQ(topics = "filter-order-events:2")
class FilterIT {
    private static final OrderEvent EU_CREATED_LARGE = new OrderEvent("o-1", "created", "EU", 1_500);
    private static final OrderEvent US_PAID = new OrderEvent("o-2", "paid", "US", 50);
    private static final OrderEvent EU_REFUNDED_LARGE = new OrderEvent("o-3", "refunded", "EU", 2_000);
    private static final OrderEvent EU_SHIPPED_SMALL = new OrderEvent("o-4", "shipped", "EU", 999);
    private static final OrderEvent EU_PAID_AT_LIMIT = new OrderEvent("o-5", "paid", "EU", 1_000);
    private static final OrderEvent US_CREATED_LARGE = new OrderEvent("o-6", "created", "US", 5_000);

    @Autowired
    OrderEventPublisher publisher;

    @Autowired
    PaymentEventsListener paymentEvents;

    @Autowired
    LargeEuOrdersListener largeEuOrders;

    @Test
    void eachListenerGetsExactlyTheEventsItsSelectorMatches() {
        List.of(EU_CREATED_LARGE, US_PAID, EU_REFUNDED_LARGE, EU_SHIPPED_SMALL, EU_PAID_AT_LIMIT, US_CREATED_LARGE)
                .forEach(publisher::publish);

        List<OrderEvent> paidOrRefunded = List.of(US_PAID, EU_REFUNDED_LARGE, EU_PAID_AT_LIMIT);
        List<OrderEvent> euFromThousand = List.of(EU_CREATED_LARGE, EU_REFUNDED_LARGE, EU_PAID_AT_LIMIT);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> paymentEvents.received().containsAll(paidOrRefunded)
                        && largeEuOrders.received().containsAll(euFromThousand));
        // the events that do not match were sent in between: had the broker not filtered them, they would be here
        assertThat(paymentEvents.received()).containsExactlyInAnyOrderElementsOf(paidOrRefunded);
        assertThat(largeEuOrders.received()).containsExactlyInAnyOrderElementsOf(euFromThousand);
    }
}
