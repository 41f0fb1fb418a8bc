package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * One {@code courier.listener.lag} gauge per listener container (tags {@code id}, {@code group}): the
 * messages of its queues not consumed yet, NaN while the container is stopped. Registered once the context
 * is refreshed, because the registry builds its containers only after every singleton exists; the value
 * is recomputed at most every {@link #REFRESH} since it asks the brokers.
 */
public final class ListenerLagMetrics implements ApplicationListener<ContextRefreshedEvent> {
    public static final String LAG = "courier.listener.lag";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry meters;
    private final ObjectProvider<MQListenerEndpointRegistry> listeners;
    private final AtomicBoolean bound = new AtomicBoolean();

    public ListenerLagMetrics(MeterRegistry meters, ObjectProvider<MQListenerEndpointRegistry> listeners) {
        this.meters = meters;
        this.listeners = listeners;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        MQListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry == null || !bound.compareAndSet(false, true)) {
            return;
        }
        for (MQListenerContainer container : registry.getListenerContainers()) {
            CachedLag lag =
                    new CachedLag(container.id(), () -> totalLag(container), REFRESH.toNanos(), System::nanoTime);
            Gauge.builder(LAG, lag, CachedLag::value)
                    .description("Messages not yet consumed by a CourierMQ listener container")
                    .tags("id", container.id(), "group", container.group())
                    .strongReference(true)
                    .register(meters);
        }
    }

    private static Long totalLag(MQListenerContainer container) {
        if (!container.isRunning()) {
            return null;
        }
        return container.lag().values().stream().mapToLong(Long::longValue).sum();
    }
}
