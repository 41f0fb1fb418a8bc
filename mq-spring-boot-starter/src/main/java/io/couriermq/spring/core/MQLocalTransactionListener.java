package io.couriermq.spring.core;

import org.springframework.messaging.Message;

/**
 * The application's side of a transactional message: runs the local transaction right after the half
 * message is stored, and answers the broker's check-back when the outcome was lost or unknown. Register
 * one per producer group with {@link io.couriermq.spring.annotation.MQTransactionListener}.
 */
public interface MQLocalTransactionListener {

    /** Runs the local transaction for {@code message}; {@code arg} is what the sender passed along. */
    MQLocalTransactionState executeLocalTransaction(Message<?> message, Object arg);

    /** Says what became of the transaction of {@code message} (a check-back; may come from any instance). */
    MQLocalTransactionState checkLocalTransaction(Message<?> message);
}
