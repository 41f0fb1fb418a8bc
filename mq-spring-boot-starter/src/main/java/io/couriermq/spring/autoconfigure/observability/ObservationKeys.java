package io.couriermq.spring.autoconfigure.observability;

/** Key names of the observations, after OpenTelemetry's messaging semantic conventions. */
final class ObservationKeys {
    static final String SYSTEM = "couriermq";
    static final String MESSAGING_SYSTEM = "messaging.system";
    static final String DESTINATION = "messaging.destination.name";
    static final String CONSUMER_GROUP = "messaging.consumer.group.name";
    static final String MESSAGE_ID = "messaging.message.id";

    private ObservationKeys() {}
}
