package io.couriermq.samples.dlq;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Reads the payment group's dead letters. It takes the body as a String, not a {@link Payment}: a dead
 * letter may be exactly the message that could not be read, and this listener must not fail on it too.
 */
@Component
public class DeadLetterListener {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

    /** A dead letter: its raw body and the message id it had. */
    public record DeadLetter(String body, String messageId) {}

    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @MQMessageListener(
            topic = "%DLQ%" + PaymentListener.GROUP,
            consumerGroup = "dlq-dead-letters-group",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onDeadLetter(@Payload String body, @Header(MQHeaders.MESSAGE_ID) String messageId) {
        deadLetters.add(new DeadLetter(body, messageId));
        log.warn("received dead letter {}: {}", messageId, body);
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }
}
