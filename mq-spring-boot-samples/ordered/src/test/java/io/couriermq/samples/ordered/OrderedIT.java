package io.couriermq.samples.ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.EmbeddedMQ;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "samples.demo=false")
@EmbeddedMQ(topics = "ordered-status:4")
class OrderedIT {
    private static final String GROUP = "ordered-status-group";

    @Autowired
    OrderStatusPublisher publisher;

    @Autowired
    OrderStatusListener listener;

    @Autowired
    MQListenerEndpointRegistry listeners;

    @Test
    void eachOrdersStepsArriveInTheOrderTheyWereSent() {
        List<String> orders =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "it-order-" + i).toList();
        // Paused, the steps pile up in their queues, and come in batches once resumed: a listener that
        // did not take a queue's messages one at a time would see them out of order.
        listeners.pause(GROUP);
        try {
            // interleaved: between two steps of an order go the steps of all other orders
            for (OrderStatus status : OrderStatus.values()) {
                orders.forEach(orderId -> publisher.publish(new OrderStep(orderId, status)));
            }
        } finally {
            listeners.resume(GROUP);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> orders.forEach(
                        orderId -> assertThat(listener.history(orderId)).hasSize(OrderStatus.values().length)));
        orders.forEach(
                orderId -> assertThat(listener.history(orderId)).as(orderId).containsExactly(OrderStatus.values()));
    }
}
