package io.couriermq.samples.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.samples.delay.ReminderListener.Delivery;
import io.couriermq.spring.test.EmbeddedMQ;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "samples.demo=false")
@EmbeddedMQ(topics = "delay-reminders:2")
class DelayIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ReminderService reminders;

    @Autowired
    ReminderListener listener;

    @Test
    void aDelayLevelOneReminderArrivesNoSoonerThanOneSecondAfterItWasSent() {
        reminders.remindAfterLevel("level 1", 1);
        reminders.remindNow("now, after level 1");

        Delivery delayed = await().atMost(WAIT)
                .until(() -> delivery("level 1"), Optional::isPresent)
                .orElseThrow();
        Delivery immediate = delivery("now, after level 1").orElseThrow();
        assertThat(delayed.delayMillis()).isGreaterThanOrEqualTo(1_000);
        // sent later, received earlier
        assertThat(immediate.receivedAt()).isLessThan(delayed.receivedAt());
    }

    @Test
    void aReminderForAPointInTimeArrivesNoSoonerThanThat() {
        Instant at = Instant.now().plusMillis(2_500);
        reminders.remindAt("at a time", at);

        Delivery delivery = await().atMost(WAIT)
                .until(() -> delivery("at a time"), Optional::isPresent)
                .orElseThrow();
        assertThat(delivery.receivedAt()).isGreaterThanOrEqualTo(at.toEpochMilli());
    }

    private Optional<Delivery> delivery(String text) {
        List<Delivery> deliveries = listener.deliveries();
        return deliveries.stream().filter(d -> d.text().equals(text)).findFirst();
    }
}
