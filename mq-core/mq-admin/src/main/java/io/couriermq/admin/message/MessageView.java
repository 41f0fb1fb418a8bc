package io.couriermq.admin.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored message as the admin tools show it: where it is (topic, broker, queue, offsets), its ids
 * ({@code msgId} is the producer's unique key, or the offset id when it has none), keys, tags, times,
 * hosts, every property and the body (decompressed).
 */
public record MessageView(
        String topic,
        String brokerName,
        int queueId,
        long queueOffset,
        long commitLogOffset,
        String msgId,
        String offsetMsgId,
        List<String> keys,
        String tags,
        long bornTimestampMs,
        long storeTimestampMs,
        String bornHost,
        String storeHost,
        int reconsumeTimes,
        Map<String, String> properties,
        byte[] body) {

    public MessageView {
        keys = List.copyOf(keys);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body read as UTF-8 text. */
    @JsonProperty("bodyText")
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same message with the broker name set (known from the route, not from the record). */
    MessageView withBrokerName(String name) {
        return new MessageView(
                topic,
                name,
                queueId,
                queueOffset,
                commitLogOffset,
                msgId,
                offsetMsgId,
                keys,
                tags,
                bornTimestampMs,
                storeTimestampMs,
                bornHost,
                storeHost,
                reconsumeTimes,
                properties,
                body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageView that
                && commitLogOffset == that.commitLogOffset
                && offsetMsgId.equals(that.offsetMsgId);
    }

    @Override
    public int hashCode() {
        return offsetMsgId.hashCode();
    }

    @Override
    public String toString() {
        return "MessageView[" + topic + "/" + brokerName + "/" + queueId + "@" + queueOffset + ", msgId=" + msgId
                + ", offsetMsgId=" + offsetMsgId + "]";
    }
}
