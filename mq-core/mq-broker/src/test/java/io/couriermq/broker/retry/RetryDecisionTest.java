package io.couriermq.broker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryDecisionTest {

    @ParameterizedTest(name = "send-back: reconsumed {0}, level {1}, max {2} -> dead letter {3}, level {4}")
    @CsvSource({
        // reconsumeTimes, requested level, max, dead letter, level
        "0, 0, 16, false, 3",
        "1, 0, 16, false, 4",
        "15, 0, 16, false, 18",
        "16, 0, 16, true, 0",
        "17, 0, 16, true, 0",
        "0, 1, 2, false, 1",
        "1, 1, 2, false, 1",
        "2, 1, 2, true, 0",
        "0, -1, 16, true, 0",
        "0, 5, 16, false, 5",
        "0, 0, 0, true, 0",
    })
    void sendBack(int reconsumeTimes, int requestedLevel, int max, boolean deadLetter, int level) {
        RetryDecision decision = RetryDecision.forSendBack(reconsumeTimes, requestedLevel, max);

        assertThat(decision.deadLetter()).isEqualTo(deadLetter);
        assertThat(decision.delayLevel()).isEqualTo(level);
    }

    @ParameterizedTest(name = "retry send: reconsumed {0}, max {1}, orderly {2} -> dead letter {3}")
    @CsvSource({
        "1, 16, false, false",
        "16, 16, false, false",
        "17, 16, false, true",
        "3, 2, false, true",
        "1, 16, true, true",
    })
    void retrySend(int reconsumeTimes, int max, boolean orderly, boolean deadLetter) {
        assertThat(RetryDecision.forRetrySend(reconsumeTimes, max, orderly).deadLetter())
                .isEqualTo(deadLetter);
    }
}
