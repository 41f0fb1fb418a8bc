package io.couriermq.spring.support;

/**
 * A template destination, {@code topic} or {@code topic:tag} (split at the first colon, as in
 * rocketmq-spring).
 *
 * @param topic the topic
 * @param tags the tag, or null
 */
public record MQDestination(String topic, String tags) {

    public static MQDestination parse(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must be 'topic' or 'topic:tag', was '" + destination + "'");
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return new MQDestination(destination.trim(), null);
        }
        String topic = destination.substring(0, colon).trim();
        String tags = destination.substring(colon + 1).trim();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("destination '" + destination + "' has no topic before the ':'");
        }
        return new MQDestination(topic, tags.isEmpty() ? null : tags);
    }
}
