package io.couriermq.broker.timer;

import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.ResponseCode;

/**
 * Parks messages that ask for a delivery time (TIMER_DELIVER_MS, absolute) or a delay (TIMER_DELAY_SEC,
 * TIMER_DELAY_MS) in the timer topic, with their destination in REAL_TOPIC / REAL_QID and their due time in
 * TIMER_OUT_MS. As on the official broker: a delay level takes precedence (the timer properties are then
 * left to the delay-level path), transactional half messages are not timed, a due time now or in the past
 * means a normal store, and a due time beyond the maximum delay is refused with MESSAGE_ILLEGAL.
 * Unlike the official broker the due time is not rounded down to a whole second.
 */
public final class TimerDiversion implements MessageDiversion {
    private final Clock clock;
    private final long maxDelayMs;

    public TimerDiversion(Clock clock, long maxDelaySec) {
        this.clock = clock;
        this.maxDelayMs = maxDelaySec * 1000L;
    }

    @Override
    public Message divert(Message message) {
        if (!isTimed(message)) {
            return message;
        }
        long nowMs = clock.millis();
        long dueMs = dueTime(message, nowMs);
        if (dueMs <= nowMs) {
            return message;
        }
        if (dueMs - nowMs > maxDelayMs) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "timer message illegal: due in " + (dueMs - nowMs) + " ms, beyond the max delay of " + maxDelayMs
                            + " ms (timerMaxDelaySec) for topic " + message.topic());
        }
        return message.toBuilder()
                .topic(TimerTopic.NAME)
                .queueId(TimerTopic.QUEUE_ID)
                .property(MessageConst.TIMER_OUT_MS, Long.toString(dueMs))
                .property(MessageConst.REAL_TOPIC, message.topic())
                .property(MessageConst.REAL_QUEUE_ID, Integer.toString(message.queueId()))
                .build();
    }

    private static boolean isTimed(Message message) {
        if (TimerTopic.NAME.equals(message.topic())
                || (message.sysFlag() & MessageSysFlag.TRANSACTION_PREPARED_TYPE) != 0) {
            return false;
        }
        String level = message.property(MessageConst.DELAY_TIME_LEVEL);
        if (level != null && !level.isBlank() && !level.trim().equals("0")) {
            return false;
        }
        return message.property(MessageConst.TIMER_DELIVER_MS) != null
                || message.property(MessageConst.TIMER_DELAY_SEC) != null
                || message.property(MessageConst.TIMER_DELAY_MS) != null;
    }

    /** The official precedence: delay in seconds, then in milliseconds, then the absolute time. */
    private static long dueTime(Message message, long nowMs) {
        String delaySec = message.property(MessageConst.TIMER_DELAY_SEC);
        if (delaySec != null) {
            long seconds = parse(MessageConst.TIMER_DELAY_SEC, delaySec);
            return seconds > Long.MAX_VALUE / 2000 ? Long.MAX_VALUE : nowMs + seconds * 1000L;
        }
        String delayMs = message.property(MessageConst.TIMER_DELAY_MS);
        if (delayMs != null) {
            long millis = parse(MessageConst.TIMER_DELAY_MS, delayMs);
            return millis > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : nowMs + millis;
        }
        return parse(MessageConst.TIMER_DELIVER_MS, message.property(MessageConst.TIMER_DELIVER_MS));
    }

    private static long parse(String property, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "timer message illegal: property " + property + " must be a whole number, was '" + value + "'");
        }
    }
}
