package io.couriermq.samples.delay;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** Receives reminders and notes when each was sent (the message's born timestamp) and when it arrived. */
@Component
public class ReminderListener {
    private static final Logger log = LoggerFactory.getLogger(ReminderListener.class);

    /** One received reminder: sent and received in epoch milliseconds. */
    public record Delivery(String text, long sentAt, long receivedAt) {
        public long delayMillis() {
            return receivedAt - sentAt;
        }
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @MQMessageListener(
            topic = ReminderService.TOPIC,
            consumerGroup = "delay-reminders-group",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onReminder(@Payload Reminder reminder, @Header(MQHeaders.BORN_TIMESTAMP) long sentAt) {
        Delivery delivery = new Delivery(reminder.text(), sentAt, System.currentTimeMillis());
        deliveries.add(delivery);
        log.info("received reminder '{}' {} ms after it was sent", delivery.text(), delivery.delayMillis());
    }

    /** Everything received, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
