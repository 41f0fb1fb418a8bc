package io.couriermq.common.message.codec;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes stored records into {@link StoredMessage}s (copies the body). */
public final class MessageDecoder {
    private MessageDecoder() {}

    /** Decodes the record that starts at absolute index {@code start}. */
    public static StoredMessage decode(ByteBuffer buffer, int start) {
        RecordCheck check = RecordValidator.check(buffer, start, buffer.limit(), false);
        if (check.kind() != RecordCheck.Kind.RECORD) {
            throw new MalformedRecordException(
                    "no record at index " + start + ": " + check.kind() + " " + check.detail());
        }
        try {
            return decodeChecked(RecordView.at(buffer, start));
        } catch (IllegalArgumentException e) {
            // a well-shaped record can still hold impossible values (port 70000, an empty topic, a
            // negative queue id): the same refusal as a bad shape, not an exception of the model
            throw new MalformedRecordException(
                    "record at index " + start + " holds an impossible value: " + e.getMessage());
        }
    }

    private static StoredMessage decodeChecked(RecordView view) {
        byte[] body = new byte[view.bodyLength()];
        view.body().get(body);
        Message message = Message.builder(view.topic(), view.queueId())
                .flag(view.flag())
                .sysFlag(view.sysFlag())
                .body(body)
                .properties(view.properties())
                .bornTimestampMs(view.bornTimestampMs())
                .bornHost(view.bornHost())
                .storeHost(view.storeHost())
                .reconsumeTimes(view.reconsumeTimes())
                .preparedTransactionOffset(view.preparedTransactionOffset())
                .build();
        return new StoredMessage(
                message,
                view.queueOffset(),
                view.physicalOffset(),
                view.storeTimestampMs(),
                view.totalSize(),
                view.bodyCrc());
    }

    /** Decodes a concatenation of records (a pull body) from position to limit. */
    public static List<StoredMessage> decodeAll(ByteBuffer records) {
        List<StoredMessage> messages = new ArrayList<>();
        int index = records.position();
        while (index < records.limit()) {
            StoredMessage message = decode(records, index);
            messages.add(message);
            index += message.storeSizeBytes();
        }
        return messages;
    }
}
