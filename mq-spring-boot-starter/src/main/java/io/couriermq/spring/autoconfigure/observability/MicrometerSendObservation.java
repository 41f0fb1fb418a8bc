package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.spring.support.SendObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observes each template send as {@code courier.send}, a child of the caller's current observation. The
 * tracing handlers write the trace context (e.g. {@code traceparent}) into a map while the observation
 * starts; those entries go into the message's properties, where the listener's
 * {@link MicrometerReceiveObservation} finds them. Reserved property names are never written.
 */
public final class MicrometerSendObservation implements SendObservation {
    public static final String NAME = "courier.send";

    private final ObservationRegistry registry;

    public MicrometerSendObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Started start(OutgoingMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        SenderContext<Map<String, String>> context = new SenderContext<>(
                (carrier, key, value) -> {
                    if (carrier != null && key != null && value != null) {
                        carrier.put(key, value);
                    }
                },
                Kind.PRODUCER);
        context.setCarrier(headers);
        context.setRemoteServiceName(ObservationKeys.SYSTEM);
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName("send " + message.topic())
                .lowCardinalityKeyValue(ObservationKeys.MESSAGING_SYSTEM, ObservationKeys.SYSTEM)
                .lowCardinalityKeyValue(ObservationKeys.DESTINATION, message.topic())
                .start();
        OutgoingMessage traced = message;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!OutgoingMessage.isReservedPropertyName(header.getKey())) {
                traced = traced.withProperty(header.getKey(), header.getValue());
            }
        }
        return new Started(traced, failure -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        });
    }
}
