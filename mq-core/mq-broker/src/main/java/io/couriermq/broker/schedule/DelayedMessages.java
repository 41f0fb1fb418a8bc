package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a parked message becomes when it is due: the same message in its real topic and queue. */
final class DelayedMessages {
    private DelayedMessages() {}

    /**
     * The copy to deliver: REAL_TOPIC / REAL_QID as topic and queue (the properties themselves kept, as
     * RocketMQ does), without the DELAY property. Null when the parked record lacks its destination.
     */
    static Message delivered(StoredMessage parked) {
        Message message = parked.message();
        String topic = message.property(MessageConst.REAL_TOPIC);
        Integer queueId = realQueueId(message);
        if (topic == null || topic.isEmpty() || queueId == null) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.remove(MessageConst.DELAY_TIME_LEVEL);
        return message.toBuilder()
                .topic(topic)
                .queueId(queueId)
                .properties(properties)
                .build();
    }

    static Integer realQueueId(Message message) {
        String text = message.property(MessageConst.REAL_QUEUE_ID);
        try {
            int queueId = text == null ? -1 : Integer.parseInt(text.trim());
            return queueId < 0 ? null : queueId;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When a parked message is due: its store time plus its level's delay. */
    static long dueAtMs(StoredMessage parked, DelayLevels levels) {
        return parked.storeTimestampMs()
                + levels.delayMs(ScheduleTopic.levelOf(parked.message().queueId()));
    }
}
