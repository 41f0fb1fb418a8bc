package io.couriermq.broker.transaction;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageEncoder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What is built from a stored half message: the committed message, the check-back body, the audit copy. */
final class HalfMessages {
    private HalfMessages() {}

    static String producerGroup(StoredMessage half) {
        return half.message().property(MessageConst.PRODUCER_GROUP);
    }

    static String realTopic(StoredMessage half) {
        return half.message().property(MessageConst.REAL_TOPIC);
    }

    /**
     * The message a commit makes visible (§6.8 step 4): real topic and queue, REAL_* and TRAN_MSG removed,
     * transaction type COMMIT, PREPAREDTRANSACTIONOFFSET = the half message's commit-log offset; body,
     * flag, born time and hosts as the producer sent them.
     */
    static Message committed(StoredMessage half) {
        Message message = half.message();
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        String topic = properties.remove(MessageConst.REAL_TOPIC);
        String queueId = properties.remove(MessageConst.REAL_QUEUE_ID);
        properties.remove(MessageConst.TRANSACTION_PREPARED);
        return message.toBuilder()
                .topic(topic)
                .queueId(Integer.parseInt(queueId))
                .sysFlag(MessageSysFlag.withTransactionType(message.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE))
                .properties(properties)
                .preparedTransactionOffset(half.commitLogOffset())
                .build();
    }

    /**
     * The CHECK_TRANSACTION_STATE body: the half message as one stored record with its real topic and
     * queue restored and TRANSACTION_CHECK_TIMES set, carrying PGROUP and UNIQ_KEY (the client picks its
     * producer and transaction by them) and the half message's offsets.
     */
    static byte[] checkBody(StoredMessage half, int checkTimes) {
        Message message = half.message();
        Message restored = message.toBuilder()
                .topic(message.property(MessageConst.REAL_TOPIC))
                .queueId(Integer.parseInt(message.property(MessageConst.REAL_QUEUE_ID)))
                .property(MessageConst.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes))
                .build();
        ByteBuffer record = ByteBuffer.allocate(half.storeSizeBytes() + 1024);
        int size = MessageEncoder.encode(restored, record, Integer.MAX_VALUE);
        MessageEncoder.stamp(record, 0, half.queueOffset(), half.commitLogOffset(), half.storeTimestampMs());
        return Arrays.copyOf(record.array(), size);
    }

    /** The copy kept in {@link TransactionTopics#CHECK_MAX_TOPIC} for audit, with its final check count. */
    static Message discarded(StoredMessage half, int checkTimes) {
        return half.message().toBuilder()
                .topic(TransactionTopics.CHECK_MAX_TOPIC)
                .queueId(TransactionTopics.QUEUE_ID)
                .property(MessageConst.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes))
                .build();
    }

    /** The first-check delay: CHECK_IMMUNITY_TIME_IN_SECONDS when the producer set a valid one, else the default. */
    static long firstCheckAfterMs(StoredMessage half, long transactionTimeOutMs) {
        String immunity = half.message().property(MessageConst.CHECK_IMMUNITY_TIME_IN_SECONDS);
        if (immunity == null || immunity.isBlank()) {
            return transactionTimeOutMs;
        }
        try {
            long seconds = Long.parseLong(immunity.trim());
            return seconds > 0 ? seconds * 1000 : transactionTimeOutMs;
        } catch (NumberFormatException e) {
            return transactionTimeOutMs;
        }
    }
}
