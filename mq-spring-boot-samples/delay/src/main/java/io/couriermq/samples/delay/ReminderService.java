package io.couriermq.samples.delay;

import io.couriermq.spring.core.MQTemplate;
import java.time.Instant;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/** Sends reminders now, after one of the broker's delay levels, or at a point in time. */
@Service
public class ReminderService {
    static final String TOPIC = "delay-reminders";
    private static final long SEND_TIMEOUT_MS = 3_000;

    private final MQTemplate template;

    public ReminderService(MQTemplate template) {
        this.template = template;
    }

    public void remindNow(String text) {
        template.syncSend(TOPIC, new Reminder(text));
    }

    /** Delivered after the broker's delay {@code level}: 1 = 1 s, 2 = 5 s, 3 = 10 s, 4 = 30 s, 5 = 1 min ... */
    public void remindAfterLevel(String text, int level) {
        template.syncSend(TOPIC, MessageBuilder.withPayload(new Reminder(text)).build(), SEND_TIMEOUT_MS, level);
    }

    /** Delivered at {@code at} (the broker's timer; any time, not only the levels). */
    public void remindAt(String text, Instant at) {
        template.syncSendDeliverTimeMills(TOPIC, new Reminder(text), at.toEpochMilli());
    }
}
