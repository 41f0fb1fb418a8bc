package io.couriermq.broker.retry;

import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.util.Optional;

/** A stored message read back by its commit-log offset, decoded, or empty when no record starts there. */
final class StoredMessages {
    private final MessageStore store;

    StoredMessages(MessageStore store) {
        this.store = store;
    }

    Optional<StoredMessage> at(long commitLogOffset) {
        if (commitLogOffset < 0) {
            return Optional.empty();
        }
        Optional<RecordSlice> record = store.readRecord(commitLogOffset);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try (RecordSlice slice = record.get()) {
            StoredMessage message = MessageDecoder.decode(slice.buffer(), 0);
            return message.commitLogOffset() == commitLogOffset ? Optional.of(message) : Optional.empty();
        } catch (MalformedRecordException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
