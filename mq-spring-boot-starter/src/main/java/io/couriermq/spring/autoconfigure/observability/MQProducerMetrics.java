package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.client.producer.SendResult;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every send attempt as {@code courier.producer.send} by {@code topic} and {@code result}
 * ({@code success} or {@code failure}). An attempt the client retries on another broker counts as a failure
 * and the retry as one more sample, so the latency is always that of one broker round trip.
 */
public final class MQProducerMetrics implements ProducerObserver {
    public static final String SEND = "courier.producer.send";

    private final Meter.MeterProvider<Timer> timers;

    public MQProducerMetrics(MeterRegistry registry) {
        this.timers = Timer.builder(SEND)
                .description("Send attempts of CourierMQ producers, by topic and result")
                .withRegistry(registry);
    }

    @Override
    public void onSendSucceeded(OutgoingMessage message, String brokerName, SendResult result, long latencyNanos) {
        record(message, "success", latencyNanos);
    }

    @Override
    public void onSendFailed(
            OutgoingMessage message, String brokerName, Throwable failure, long latencyNanos, boolean willRetry) {
        record(message, "failure", latencyNanos);
    }

    private void record(OutgoingMessage message, String result, long latencyNanos) {
        timers.withTags("topic", message.topic(), "result", result).record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
