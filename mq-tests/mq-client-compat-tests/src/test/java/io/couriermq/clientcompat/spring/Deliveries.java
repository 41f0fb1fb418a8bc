package io.couriermq.clientcompat.spring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one listener bean received, in arrival order, with the headers the starter gave it and when it
 * came: filled from listener threads, read by the scenarios.
 */
final class Deliveries {
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** One listener call: the payload as text, its headers, the arrival time and the listener thread. */
    record Delivery(String body, Map<String, Object> headers, long arrivedAtMs, String thread) {
        Object header(String name) {
            return headers.get(name);
        }
    }

    void add(String body, Map<String, Object> headers) {
        deliveries.add(new Delivery(
                body,
                Map.copyOf(headers),
                System.currentTimeMillis(),
                Thread.currentThread().getName()));
    }

    void add(String body) {
        add(body, Map.of());
    }

    List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    List<String> bodies() {
        return deliveries.stream().map(Delivery::body).toList();
    }

    Set<String> distinctBodies() {
        return new HashSet<>(bodies());
    }

    /** How often {@code body} was delivered. */
    long count(String body) {
        return deliveries.stream().filter(d -> d.body().equals(body)).count();
    }

    Optional<Delivery> first(String body) {
        return deliveries.stream().filter(d -> d.body().equals(body)).findFirst();
    }

    int size() {
        return deliveries.size();
    }
}
