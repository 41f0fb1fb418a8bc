package io.couriermq.client.producer;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The properties of request-reply: a request carries a correlation id, the requester's client id and a
 * time to live; its reply copies them, is marked as a reply, and goes to the requester's cluster's reply
 * topic, from where the broker pushes it to the requester's connection.
 */
public final class Replies {
    public static final String CORRELATION_ID = "CORRELATION_ID";
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    public static final String TTL = "TTL";
    public static final String MESSAGE_TYPE = "MSG_TYPE";
    public static final String REPLY_TYPE = "reply";
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";

    private Replies() {}

    /** {@code message} stamped as a request from {@code clientId} that waits {@code timeoutMs}. */
    static OutgoingMessage request(OutgoingMessage message, String clientId, long timeoutMs) {
        return message.withProperty(CORRELATION_ID, UUID.randomUUID().toString())
                .withProperty(REPLY_TO_CLIENT, clientId)
                .withProperty(TTL, Long.toString(timeoutMs));
    }

    /** The reply to {@code request} with {@code body}, addressed to the requester. */
    public static OutgoingMessage replyTo(ReceivedMessage request, byte[] body) {
        return replyTo(request, body, Map.of());
    }

    /**
     * The reply to {@code request} with {@code body} and user properties the requester will find on the
     * reply it receives. Names the protocol reserves are refused (IllegalArgumentException), as by {@link
     * OutgoingMessage.Builder#property}: a user property must not overwrite the correlation id or reply
     * address that route the reply.
     */
    public static OutgoingMessage replyTo(ReceivedMessage request, byte[] body, Map<String, String> userProperties) {
        Objects.requireNonNull(userProperties, "userProperties");
        String cluster = request.property(MessageConst.CLUSTER);
        String correlationId = request.property(CORRELATION_ID);
        String replyTo = request.property(REPLY_TO_CLIENT);
        if (cluster == null || correlationId == null || replyTo == null) {
            throw new ClientException(
                    "message " + request.messageId() + " is not a request (it lacks "
                            + (cluster == null ? "CLUSTER" : correlationId == null ? CORRELATION_ID : REPLY_TO_CLIENT)
                            + ")",
                    -1,
                    false);
        }
        OutgoingMessage.Builder reply = OutgoingMessage.builder(cluster + REPLY_TOPIC_SUFFIX, body);
        userProperties.forEach(reply::property);
        reply.system(CORRELATION_ID, correlationId)
                .system(REPLY_TO_CLIENT, replyTo)
                .system(MESSAGE_TYPE, REPLY_TYPE);
        String ttl = request.property(TTL);
        if (ttl != null) {
            reply.system(TTL, ttl);
        }
        return reply.build();
    }
}
