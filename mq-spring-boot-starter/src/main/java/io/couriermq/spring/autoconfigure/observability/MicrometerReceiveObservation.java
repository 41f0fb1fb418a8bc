package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.listener.ReceiveObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.concurrent.Callable;

/**
 * Observes each listener call as {@code courier.receive}, continuing the trace that the sender's
 * {@link MicrometerSendObservation} wrote into the message's properties. The observation is in scope during
 * the call, so the listener's own logs, spans and sends belong to the same trace.
 */
public final class MicrometerReceiveObservation implements ReceiveObservation {
    public static final String NAME = "courier.receive";

    private final ObservationRegistry registry;

    public MicrometerReceiveObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object observe(String group, ReceivedMessage message, Callable<Object> call) throws Exception {
        ReceiverContext<ReceivedMessage> context =
                new ReceiverContext<>((carrier, key) -> carrier == null ? null : carrier.property(key), Kind.CONSUMER);
        context.setCarrier(message);
        context.setRemoteServiceName(ObservationKeys.SYSTEM);
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName("receive " + message.topic())
                .lowCardinalityKeyValue(ObservationKeys.MESSAGING_SYSTEM, ObservationKeys.SYSTEM)
                .lowCardinalityKeyValue(ObservationKeys.DESTINATION, message.topic())
                .lowCardinalityKeyValue(ObservationKeys.CONSUMER_GROUP, group)
                .highCardinalityKeyValue(ObservationKeys.MESSAGE_ID, message.messageId())
                .observeChecked(call::call);
    }
}
