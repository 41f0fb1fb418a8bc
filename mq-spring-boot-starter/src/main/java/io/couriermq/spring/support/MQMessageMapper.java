package io.couriermq.spring.support;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.core.MQHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Maps between Spring messages and the client's: {@link MQHeaders} to message attributes, other simple
 * headers to user properties, and back.
 */
public final class MQMessageMapper {
    private static final Logger log = LoggerFactory.getLogger(MQMessageMapper.class);

    /** Headers Spring sets on every message; they are not sent. */
    private static final Set<String> SPRING_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP);

    /** rocketmq-spring's unprefixed header names for keys and tags. */
    private static final String PLAIN_KEYS = "KEYS";

    private static final String PLAIN_TAGS = "TAGS";
    private static final String TRANSACTION_ID_PROPERTY = "__transactionId__";

    private MQMessageMapper() {}

    /** The message to send to {@code destination} with {@code body} and what {@code headers} say. */
    public static OutgoingMessage toOutgoing(MQDestination destination, byte[] body, MessageHeaders headers) {
        OutgoingMessage.Builder builder = OutgoingMessage.builder(destination.topic(), body);
        String tags = destination.tags() != null ? destination.tags() : text(headers, MQHeaders.TAGS, PLAIN_TAGS);
        if (tags != null && !tags.isBlank()) {
            builder.tags(tags);
        }
        List<String> keys =
                keys(headers.containsKey(MQHeaders.KEYS) ? headers.get(MQHeaders.KEYS) : headers.get(PLAIN_KEYS));
        if (!keys.isEmpty()) {
            builder.keys(keys);
        }
        Object level = headers.get(MQHeaders.DELAY_LEVEL);
        if (level != null) {
            builder.delayLevel(Integer.parseInt(level.toString()));
        }
        Object deliverAt = headers.get(MQHeaders.DELIVER_AT);
        if (deliverAt != null) {
            builder.deliverAt(instant(deliverAt));
        }
        Object delay = headers.get(MQHeaders.DELAY_SECONDS);
        if (delay != null) {
            builder.deliverAfter(
                    delay instanceof Duration d ? d : Duration.ofSeconds(Long.parseLong(delay.toString())));
        }
        userProperties(headers).forEach(builder::property);
        return builder.build();
    }

    /**
     * The headers that travel as user properties: simple values (text, numbers, booleans) under names that
     * are neither Spring's, {@link MQHeaders}', nor reserved by the protocol.
     */
    public static Map<String, String> userProperties(MessageHeaders headers) {
        Map<String, String> properties = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (isUserProperty(name, value)) {
                properties.put(name, value.toString());
            }
        });
        return properties;
    }

    private static boolean isUserProperty(String name, Object value) {
        if (SPRING_HEADERS.contains(name)
                || name.startsWith(MQHeaders.PREFIX)
                || name.equals(PLAIN_KEYS)
                || name.equals(PLAIN_TAGS)
                || value == null) {
            return false;
        }
        if (OutgoingMessage.isReservedPropertyName(name)) {
            log.debug("header {} has a reserved property name; not sent", name);
            return false;
        }
        boolean simple = value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>
                || value instanceof org.springframework.util.MimeType;
        if (!simple) {
            log.debug(
                    "header {} of type {} is not a simple value; not sent",
                    name,
                    value.getClass().getName());
        }
        return simple;
    }

    /** A Spring message with the body as payload, user properties and {@link MQHeaders} as headers. */
    public static Message<byte[]> toSpringMessage(ReceivedMessage message) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(message.body());
        message.properties().forEach((name, value) -> {
            if (!OutgoingMessage.isReservedPropertyName(name)) {
                builder.setHeader(name, value);
            }
        });
        builder.setHeader(MQHeaders.TOPIC, message.topic())
                .setHeader(MQHeaders.MESSAGE_ID, message.messageId())
                .setHeader(MQHeaders.OFFSET_MESSAGE_ID, message.offsetMessageId())
                .setHeader(MQHeaders.BROKER_NAME, message.brokerName())
                .setHeader(MQHeaders.QUEUE_ID, message.queueId())
                .setHeader(MQHeaders.QUEUE_OFFSET, message.queueOffset())
                .setHeader(MQHeaders.RECONSUME_TIMES, message.reconsumeTimes())
                .setHeader(MQHeaders.BORN_TIMESTAMP, message.bornTimestampMs())
                .setHeader(MQHeaders.STORE_TIMESTAMP, message.storeTimestampMs());
        if (message.tags() != null) {
            builder.setHeader(MQHeaders.TAGS, message.tags());
        }
        if (!message.keys().isEmpty()) {
            builder.setHeader(MQHeaders.KEYS, String.join(" ", message.keys()));
        }
        String transactionId = message.property(TRANSACTION_ID_PROPERTY);
        if (transactionId != null) {
            builder.setHeader(MQHeaders.TRANSACTION_ID, transactionId);
        }
        return builder.build();
    }

    /** A Spring message for a message about to be sent (a local transaction sees it this way). */
    public static Message<byte[]> toSpringMessage(OutgoingMessage message) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(message.body());
        message.properties().forEach((name, value) -> {
            if (!OutgoingMessage.isReservedPropertyName(name)) {
                builder.setHeader(name, value);
            }
        });
        builder.setHeader(MQHeaders.TOPIC, message.topic());
        if (message.tags() != null) {
            builder.setHeader(MQHeaders.TAGS, message.tags());
        }
        String keys = message.property("KEYS");
        if (keys != null) {
            builder.setHeader(MQHeaders.KEYS, keys);
        }
        String transactionId = message.property(TRANSACTION_ID_PROPERTY);
        if (transactionId == null) {
            transactionId = message.property("UNIQ_KEY");
        }
        if (transactionId != null) {
            builder.setHeader(MQHeaders.TRANSACTION_ID, transactionId);
        }
        return builder.build();
    }

    private static String text(MessageHeaders headers, String name, String fallback) {
        Object value = headers.containsKey(name) ? headers.get(name) : headers.get(fallback);
        return value == null ? null : value.toString();
    }

    private static List<String> keys(Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(key -> keys.add(key.toString()));
        } else if (value instanceof String[] array) {
            keys.addAll(List.of(array));
        } else if (value != null) {
            for (String key : value.toString().split(" ")) {
                if (!key.isBlank()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return Instant.ofEpochMilli(Long.parseLong(value.toString()));
    }
}
