package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.ReceivedMessage;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every listener call as {@code courier.listener.consume} by {@code group}, {@code topic} (the original
 * topic also for redelivered messages) and {@code result} as the client reports it: {@code SUCCESS},
 * {@code RECONSUME_LATER}, {@code SUSPEND_CURRENT_QUEUE_A_MOMENT}, {@code EXCEPTION} or {@code NULL}.
 */
public final class MQConsumeMetrics implements ConsumeObserver {
    public static final String CONSUME = "courier.listener.consume";

    private final Meter.MeterProvider<Timer> timers;

    public MQConsumeMetrics(MeterRegistry registry) {
        this.timers = Timer.builder(CONSUME)
                .description("Listener calls of CourierMQ consumers, by group, topic and result")
                .withRegistry(registry);
    }

    @Override
    public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
        timers.withTags("group", group, "topic", message.topic(), "result", String.valueOf(result))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }
}
