package io.couriermq.clientcompat.scenario;

import io.couriermq.client.message.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a test's consumers received, safe to fill from consumer threads. */
final class Inbox {
    private final List<ReceivedMessage> messages = new ArrayList<>();

    synchronized void add(ReceivedMessage message) {
        messages.add(message);
    }

    synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<String> bodies() {
        return messages.stream().map(Inbox::body).toList();
    }

    synchronized Set<String> distinctBodies() {
        return new HashSet<>(bodies());
    }

    synchronized int size() {
        return messages.size();
    }

    /** How many deliveries repeated a body already received. */
    synchronized int duplicates() {
        Map<String, Integer> counts = new HashMap<>();
        bodies().forEach(body -> counts.merge(body, 1, Integer::sum));
        return counts.values().stream().mapToInt(count -> count - 1).sum();
    }

    static String body(ReceivedMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }
}
