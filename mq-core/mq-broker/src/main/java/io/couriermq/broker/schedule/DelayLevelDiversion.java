package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.remoting.protocol.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parks a message with a DELAY level in the schedule topic (remoting-protocol §6.7): queue {@code level -
 * 1}, its real topic and queue kept in REAL_TOPIC / REAL_QID, the level clamped to the highest. The
 * consume-queue entry keeps the tag hash: the due time is the record's store time plus the level's delay,
 * which the delivery service reads from the record it has to read anyway.
 *
 * <p>Half messages are left alone: a transactional message takes the delay path when it is committed.
 */
public final class DelayLevelDiversion implements MessageDiversion {
    private final DelayLevels levels;

    public DelayLevelDiversion(DelayLevels levels) {
        this.levels = levels;
    }

    @Override
    public Message divert(Message message) {
        int level = requestedLevel(message);
        if (level <= 0 || isHalfMessage(message) || ScheduleTopic.NAME.equals(message.topic())) {
            return message;
        }
        int clamped = levels.clamp(level);
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.put(MessageConst.REAL_TOPIC, message.topic());
        properties.put(MessageConst.REAL_QUEUE_ID, Integer.toString(message.queueId()));
        properties.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(clamped));
        return message.toBuilder()
                .topic(ScheduleTopic.NAME)
                .queueId(ScheduleTopic.queueIdOf(clamped))
                .properties(properties)
                .build();
    }

    private static boolean isHalfMessage(Message message) {
        int type = message.sysFlag() & MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
        return type == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    }

    /** The DELAY property as a level; 0 when absent or not positive (no delay, as on RocketMQ). */
    private int requestedLevel(Message message) {
        String text = message.property(MessageConst.DELAY_TIME_LEVEL);
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "the DELAY property must be a delay level 1.." + levels.count() + ", was '" + text + "'");
        }
    }
}
