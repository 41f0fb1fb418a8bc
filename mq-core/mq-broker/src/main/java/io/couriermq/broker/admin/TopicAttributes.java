package io.couriermq.broker.admin;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code attributes} text of UPDATE_AND_CREATE_TOPIC (5.x): comma-separated {@code +key=value} to
 * set and {@code -key} to remove, applied to a topic's current attributes. Empty or absent text changes
 * nothing. Removing is only possible on an existing topic.
 */
public final class TopicAttributes {
    private TopicAttributes() {}

    /**
     * The attributes after applying {@code text} to {@code current}.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static Map<String, String> apply(Map<String, String> current, String text, boolean creating) {
        Map<String, String> result = new TreeMap<>(current);
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("+")) {
                int equals = trimmed.indexOf('=');
                if (equals < 2 || equals == trimmed.length() - 1) {
                    throw new IllegalArgumentException("attribute '" + trimmed + "' must have the form +key=value");
                }
                result.put(trimmed.substring(1, equals), trimmed.substring(equals + 1));
            } else if (trimmed.startsWith("-") && trimmed.length() > 1 && trimmed.indexOf('=') < 0) {
                if (creating) {
                    throw new IllegalArgumentException(
                            "attribute '" + trimmed + "' removes a key, which is not possible when creating a topic");
                }
                result.remove(trimmed.substring(1));
            } else {
                throw new IllegalArgumentException(
                        "attribute '" + trimmed + "' must be +key=value (set) or -key (remove)");
            }
        }
        return result;
    }
}
