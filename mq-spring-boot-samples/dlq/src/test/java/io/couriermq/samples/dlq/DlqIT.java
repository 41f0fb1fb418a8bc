package io.couriermq.samples.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.samples.dlq.DeadLetterListener.DeadLetter;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "samples.demo=false")
@EmbeddedMQ(topics = "dlq-payments:2")
class DlqIT {

    @Autowired
    MQTemplate template;

    @Autowired
    PaymentListener payments;

    @Autowired
    DeadLetterListener deadLetters;

    @Test
    void malformedAndExhaustedPaymentsEndInTheDeadLetterListener() {
        payments.freeze("it-frozen");
        template.syncSend(PaymentListener.TOPIC, new Payment("it-good", "it-account", 100));
        template.syncSend(PaymentListener.TOPIC, new Payment("it-malformed", "it-account", -5));
        template.syncSend(PaymentListener.TOPIC, new Payment("it-exhausted", "it-frozen", 20));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterOf("it-malformed") && deadLetterOf("it-exhausted"));
        assertThat(payments.booked()).extracting(Payment::id).containsExactly("it-good");
        // not retried: the dead-letter queue at once
        assertThat(payments.attempts("it-malformed")).isEqualTo(1);
        // retried once (maxReconsumeTimes = 1), then given up
        assertThat(payments.attempts("it-exhausted")).isEqualTo(2);
        assertThat(deadLetters.deadLetters()).extracting(DeadLetter::body).noneMatch(body -> body.contains("it-good"));
    }

    private boolean deadLetterOf(String paymentId) {
        List<DeadLetter> letters = deadLetters.deadLetters();
        return letters.stream().anyMatch(letter -> letter.body().contains("\"" + paymentId + "\""));
    }
}
