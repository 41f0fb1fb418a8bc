package io.couriermq.broker.pending;

import java.util.List;

/**
 * Messages the broker holds back for a later delivery (delay levels, exact delivery times), as an admin
 * sees them: listed per destination topic and cancellable one by one. Each scheduler (delay levels,
 * timers) offers its own; the admin view asks them all.
 */
public interface PendingDeliveries {

    /** Messages still waiting for delivery to {@code topic}, earliest due first, at most {@code limit}. */
    List<PendingDelivery> pending(String topic, int limit);

    /**
     * Cancels the waiting message whose client id (UNIQ_KEY) or offset message id is {@code messageId}, so
     * it is never delivered. Returns false when no waiting message has that id (unknown or already
     * delivered). A cancellation survives a broker restart.
     */
    boolean cancel(String messageId);
}
