package io.couriermq.samples.shop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business keys (order ids) a consumer has seen, so that a message delivered again, which at-least-
 * once delivery allows, is recognised and its change not applied twice. In a real service this is a table
 * with the key as primary key, written in the same database transaction as the change itself.
 */
public final class AppliedKeys {
    private static final Logger log = LoggerFactory.getLogger(AppliedKeys.class);

    private final String consumer;
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

    public AppliedKeys(String consumer) {
        this.consumer = consumer;
    }

    /** Counts a delivery for {@code key}; true for the first one, whose change is to be applied. */
    public boolean firstDelivery(String key) {
        int delivery = deliveries.merge(key, 1, Integer::sum);
        if (delivery > 1) {
            log.info("{}: order {} already applied, delivery {} ignored", consumer, key, delivery);
        }
        return delivery == 1;
    }

    /** How often a message for {@code key} was delivered. */
    public int deliveries(String key) {
        return deliveries.getOrDefault(key, 0);
    }
}
