package io.couriermq.samples.dlq;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Poison messages: {@link PaymentListener} rejects a malformed payment at once and gives up on a payment
 * that keeps failing after one retry; both land in the group's dead-letter queue, {@code
 * %DLQ%dlq-payments-group}, where {@link DeadLetterListener} records them for a person to look at.
 */
@SpringBootApplication
public class DlqApplication {

    public static void main(String[] args) {
        SpringApplication.run(DlqApplication.class, args);
    }
}
