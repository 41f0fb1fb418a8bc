package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The broker starts before the meter registry exists: what it observed meanwhile is counted once bound. */
class BrokerMetricsTest {

    @Test
    void sendsPullsAndFailuresBeforeTheRegistryIsBoundAreCountedWhenItIs() {
        BrokerMetrics metrics = new BrokerMetrics();
        metrics.onMessagesStored("Orders", 3, 300, TimeUnit.MILLISECONDS.toNanos(2));
        metrics.onMessagesPulled("billing", "Orders", 2, 200, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.onPutFailed("Orders", "FLUSH_DISK_TIMEOUT");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        metrics.onMessagesStored("Orders", 1, 100, TimeUnit.MILLISECONDS.toNanos(1));

        assertThat(registry.get("courier.broker.messages.in")
                        .tag("topic", "Orders")
                        .counter()
                        .count())
                .isEqualTo(4);
        assertThat(registry.get("courier.broker.bytes.in")
                        .tag("topic", "Orders")
                        .counter()
                        .count())
                .isEqualTo(400);
        assertThat(registry.get("courier.broker.put.latency")
                        .tag("topic", "Orders")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("courier.broker.messages.out")
                        .tag("group", "billing")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("courier.broker.put.failures")
                        .tag("status", "FLUSH_DISK_TIMEOUT")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void atMostTheBoundedNumberOfEarlyEventsIsKept() {
        BrokerMetrics metrics = new BrokerMetrics();
        for (int i = 0; i < BrokerMetrics.EARLY_EVENTS_KEPT + 5; i++) {
            metrics.onMessagesStored("Orders", 1, 1, 1);
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);

        assertThat(registry.get("courier.broker.messages.in").counter().count())
                .isEqualTo(BrokerMetrics.EARLY_EVENTS_KEPT);
    }
}
