package io.couriermq.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.spring.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The quickstart against an embedded broker: its runner runs while the context starts and returns once
 * the listeners received every message it sent, or its timeout passed.
 */
@SpringBootTest(properties = "quickstart.timeout=30s")
@EmbeddedMQ(topics = {"quickstart-greetings:2", "quickstart-notes:4", "quickstart-requests:2"})
class QuickstartIT {

    @Autowired
    Inbox inbox;

    @Autowired
    QuickstartRunner runner;

    @Test
    void everyMessageSentIsReceivedAndTheExitCodeIsZero() {
        assertThat(inbox.missing()).isEmpty();
        assertThat(inbox.received()).containsExactlyInAnyOrderElementsOf(Inbox.EXPECTED);
        assertThat(runner.getExitCode()).isZero();
    }
}
