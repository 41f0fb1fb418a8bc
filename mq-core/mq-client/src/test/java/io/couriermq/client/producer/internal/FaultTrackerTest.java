package io.couriermq.client.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultTrackerTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final FaultTracker faults = new FaultTracker(clock);

    @Test
    void aFailedBrokerIsAvoidedForThirtySecondsThenTriedAgain() {
        faults.onFailed("broker-a");

        assertThat(faults.isAvoided("broker-a")).isTrue();
        clock.advance(29, TimeUnit.SECONDS);
        assertThat(faults.isAvoided("broker-a")).isTrue();
        clock.advance(1, TimeUnit.SECONDS);
        assertThat(faults.isAvoided("broker-a")).isFalse();
    }

    @Test
    void slowAnswersAreAvoidedLongerTheSlowerTheyWere() {
        faults.onAnswered("fast", 20);
        faults.onAnswered("slow", 600);
        faults.onAnswered("very-slow", 3_500);

        assertThat(faults.isAvoided("fast")).isFalse();
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(faults.isAvoided("slow")).isFalse();
        assertThat(faults.isAvoided("very-slow")).isTrue();
    }

    @Test
    void aFastAnswerClearsAnEarlierFault() {
        faults.onFailed("broker-a");
        faults.onAnswered("broker-a", 3);

        assertThat(faults.isAvoided("broker-a")).isFalse();
    }

    @Test
    void theChooserRoundRobinsAndSkipsAvoidedBrokersAndTheOneThatJustFailed() {
        QueueChooser chooser = new QueueChooser(faults, true);
        List<MessageQueue> queues = List.of(
                new MessageQueue("T", "a", 0),
                new MessageQueue("T", "a", 1),
                new MessageQueue("T", "b", 0),
                new MessageQueue("T", "b", 1));

        assertThat(List.of(
                        chooser.choose("T", queues, null),
                        chooser.choose("T", queues, null),
                        chooser.choose("T", queues, null),
                        chooser.choose("T", queues, null)))
                .containsExactlyElementsOf(queues);

        faults.onFailed("a");
        for (int i = 0; i < 8; i++) {
            assertThat(chooser.choose("T", queues, null).brokerName()).isEqualTo("b");
        }
        assertThat(chooser.choose("T", queues, "b").brokerName())
                .as("a retry leaves the broker that failed, even for an avoided one")
                .isEqualTo("a");
    }

    @Test
    void whenEveryBrokerIsAvoidedTheChooserStillPicksOne() {
        QueueChooser chooser = new QueueChooser(faults, true);
        List<MessageQueue> queues = List.of(new MessageQueue("T", "a", 0));
        faults.onFailed("a");

        assertThat(chooser.choose("T", queues, "a")).isEqualTo(queues.get(0));
    }
}
