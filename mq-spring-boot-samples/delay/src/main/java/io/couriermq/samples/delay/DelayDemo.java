package io.couriermq.samples.delay;

import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** At start-up, sends a reminder for each way; the log shows them arrive now, after 5 s and after 10 s. */
@Component
@ConditionalOnBooleanProperty(name = "samples.demo", matchIfMissing = true)
public class DelayDemo implements ApplicationRunner {
    private final ReminderService reminders;

    public DelayDemo(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public void run(ApplicationArguments args) {
        reminders.remindAt("at a point in time, 10 s from now", Instant.now().plusSeconds(10));
        reminders.remindAfterLevel("after delay level 2 (5 s)", 2);
        reminders.remindNow("right away");
    }
}
