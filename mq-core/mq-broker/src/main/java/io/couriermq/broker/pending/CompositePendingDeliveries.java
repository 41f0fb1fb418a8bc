package io.couriermq.broker.pending;

import java.util.Comparator;
import java.util.List;

/**
 * Several schedulers' pending messages as one view: listed together earliest due first, and cancelled
 * wherever the id is found.
 */
public final class CompositePendingDeliveries implements PendingDeliveries {
    private final List<PendingDeliveries> parts;

    public CompositePendingDeliveries(List<PendingDeliveries> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public List<PendingDelivery> pending(String topic, int limit) {
        return parts.stream()
                .flatMap(part -> part.pending(topic, limit).stream())
                .sorted(Comparator.comparingLong(PendingDelivery::dueAtMs))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean cancel(String messageId) {
        boolean cancelled = false;
        for (PendingDeliveries part : parts) {
            cancelled |= part.cancel(messageId);
        }
        return cancelled;
    }
}
