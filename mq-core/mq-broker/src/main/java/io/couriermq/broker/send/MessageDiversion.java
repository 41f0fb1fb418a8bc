package io.couriermq.broker.send;

import io.couriermq.common.message.Message;

/**
 * One step on a message's way into the store that may park it somewhere else first: delayed messages go
 * to the schedule topic, timed ones to the timer store, transactional half messages to the half topic.
 * The send processor applies every diversion in order; each returns the message unchanged when it does
 * not apply.
 */
@FunctionalInterface
public interface MessageDiversion {

    /**
     * Returns the message to store in place of {@code message} (often {@code message} itself).
     *
     * @throws SendRejection when the message must be refused, with the code and remark the producer gets
     */
    Message divert(Message message);
}
