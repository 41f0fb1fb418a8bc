package io.couriermq.samples.delay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Delayed messages: {@link ReminderService} sends reminders after a broker delay level or for a point in
 * time; the broker holds them until then, and {@link ReminderListener} logs how long each took.
 */
@SpringBootApplication
public class DelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(DelayApplication.class, args);
    }
}
