package io.couriermq.broker.retry;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the copies a failed message turns into: the retry, the dead letter, and a dead letter re-sent. */
final class RetryMessages {
    private RetryMessages() {}

    /**
     * The copy for {@code topic}/{@code queueId} of a message sent back: body, flags and born info kept,
     * RETRY_TOPIC (the original topic, unless already set) and ORIGIN_MESSAGE_ID (the first id, unless
     * already set) added, reconsume times one more; DELAY set to {@code delayLevel}, or removed when 0.
     */
    static Message sentBack(StoredMessage original, String topic, int queueId, int delayLevel) {
        Message message = original.message();
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.putIfAbsent(MessageConst.RETRY_TOPIC, message.topic());
        String originId = properties.get(MessageConst.ORIGIN_MESSAGE_ID);
        if (originId == null || originId.isBlank()) {
            properties.put(
                    MessageConst.ORIGIN_MESSAGE_ID, MessageId.encode(message.storeHost(), original.commitLogOffset()));
        }
        setDelay(properties, delayLevel);
        return message.toBuilder()
                .topic(topic)
                .queueId(queueId)
                .properties(properties)
                .reconsumeTimes(message.reconsumeTimes() + 1)
                .build();
    }

    /** A retry-topic send moved to the dead-letter topic: nothing changes but where, and no delay. */
    static Message movedToDeadLetters(Message message, String deadLetterTopic) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.remove(MessageConst.DELAY_TIME_LEVEL);
        return message.toBuilder()
                .topic(deadLetterTopic)
                .queueId(0)
                .properties(properties)
                .build();
    }

    /**
     * A dead letter back in its original topic as a fresh message: reconsume times reset, the retry and
     * delay bookkeeping dropped; UNIQ_KEY and ORIGIN_MESSAGE_ID kept so it can be traced.
     */
    static Message resent(Message deadLetter, String originalTopic, int queueId) {
        Map<String, String> properties = new LinkedHashMap<>(deadLetter.properties());
        properties.remove(MessageConst.RETRY_TOPIC);
        properties.remove(MessageConst.DELAY_TIME_LEVEL);
        properties.remove(MessageConst.RECONSUME_TIME);
        properties.remove(MessageConst.MAX_RECONSUME_TIMES);
        properties.remove(MessageConst.REAL_TOPIC);
        properties.remove(MessageConst.REAL_QUEUE_ID);
        properties.put(MessageConst.DLQ_ORIGIN_TOPIC, deadLetter.topic());
        return deadLetter.toBuilder()
                .topic(originalTopic)
                .queueId(queueId)
                .properties(properties)
                .reconsumeTimes(0)
                .build();
    }

    private static void setDelay(Map<String, String> properties, int delayLevel) {
        if (delayLevel > 0) {
            properties.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(delayLevel));
        } else {
            properties.remove(MessageConst.DELAY_TIME_LEVEL);
        }
    }
}
