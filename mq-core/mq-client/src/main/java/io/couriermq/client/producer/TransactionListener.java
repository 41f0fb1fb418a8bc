package io.couriermq.client.producer;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;

/** The application's side of a transactional send. */
public interface TransactionListener {

    /**
     * Runs the local transaction after the half message was stored. An exception counts as {@link
     * LocalTransactionState#UNKNOWN}: the broker will ask {@link #check} later.
     */
    LocalTransactionState executeLocal(OutgoingMessage message, Object argument);

    /** Answers the broker's check-back for a half message whose outcome it has not heard. */
    LocalTransactionState check(ReceivedMessage message);
}
