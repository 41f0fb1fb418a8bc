package io.couriermq.client.producer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.common.message.MessageConst;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a batch is sendable (one topic, no delays, no retry topic) and splits it into requests
 * of at most {@code maxBatchBytes} encoded bytes, keeping the messages' order.
 */
public final class BatchSplitter {
    /** Per-message overhead in the batch encoding: total size, magic, body CRC, flag, body and properties lengths. */
    private static final int ENTRY_OVERHEAD_BYTES = 4 + 4 + 4 + 4 + 4 + 2;
    /** Room for the UNIQ_KEY the producer adds to each message. */
    private static final int ID_PROPERTY_BYTES = 48;

    private BatchSplitter() {}

    public static List<List<OutgoingMessage>> split(List<OutgoingMessage> messages, int maxBatchBytes) {
        validate(messages);
        List<List<OutgoingMessage>> batches = new ArrayList<>();
        List<OutgoingMessage> current = new ArrayList<>();
        long currentBytes = 0;
        for (OutgoingMessage message : messages) {
            long size = encodedSize(message);
            if (!current.isEmpty() && currentBytes + size > maxBatchBytes) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(message);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * Checks that {@code messages} may go as one request, unsplit (an ordered batch: one queue, one
     * request, or the order is not the caller's), and returns them.
     */
    public static List<OutgoingMessage> whole(List<OutgoingMessage> messages, int maxBatchBytes) {
        validate(messages);
        long bytes = 0;
        for (OutgoingMessage message : messages) {
            bytes += encodedSize(message);
        }
        if (bytes > maxBatchBytes) {
            throw new ClientException(
                    "an ordered batch is sent whole, and these " + messages.size() + " messages take about " + bytes
                            + " bytes, more than maxBatchBytes " + maxBatchBytes + "; send smaller batches",
                    -1,
                    false);
        }
        return messages;
    }

    static long encodedSize(OutgoingMessage message) {
        long size = ENTRY_OVERHEAD_BYTES + message.body().length + ID_PROPERTY_BYTES;
        for (Map.Entry<String, String> property : message.properties().entrySet()) {
            size += property.getKey().getBytes(StandardCharsets.UTF_8).length
                    + property.getValue().getBytes(StandardCharsets.UTF_8).length
                    + 2;
        }
        return size;
    }

    private static void validate(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            throw new ClientException("a batch needs at least one message", -1, false);
        }
        String topic = messages.get(0).topic();
        for (OutgoingMessage message : messages) {
            if (!message.topic().equals(topic)) {
                throw new ClientException(
                        "a batch goes to one topic; found " + topic + " and " + message.topic(), -1, false);
            }
            if (message.delayLevel() > 0
                    || message.property(MessageConst.TIMER_DELIVER_MS) != null
                    || message.property(MessageConst.TIMER_DELAY_MS) != null
                    || message.property(MessageConst.TIMER_DELAY_SEC) != null) {
                throw new ClientException(
                        "delayed messages cannot be sent in a batch; send them one by one", -1, false);
            }
        }
        if (topic.startsWith("%RETRY%")) {
            throw new ClientException("retry topics cannot take batches", -1, false);
        }
    }
}
