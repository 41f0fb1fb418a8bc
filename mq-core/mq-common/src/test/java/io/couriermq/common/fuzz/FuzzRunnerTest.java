package io.couriermq.common.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The runner fails on each of the things it is meant to catch, and names the seed and the input. */
class FuzzRunnerTest {

    @Test
    void anUndocumentedExceptionFailsTheRunNamingSeedAndInput() {
        assertThatThrownBy(() -> Fuzz.of("t", (SplittableRandom random) -> random.nextInt(10))
                        .expecting(IllegalStateException.class)
                        .run(1_000, value -> {
                            if (value == 7) {
                                throw new ArithmeticException("seven");
                            }
                            throw new IllegalStateException("documented");
                        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("of seed")
                .hasMessageContaining("threw java.lang.ArithmeticException: seven")
                .hasMessageContaining("input: 7");
    }

    @Test
    void anAllocationOutOfProportionToTheInputFailsTheRun() {
        AtomicInteger calls = new AtomicInteger();
        // past the 100 warm-up inputs, whose allocation is not bounded
        assertThatThrownBy(() -> Fuzz.of("t", (SplittableRandom random) -> new byte[8])
                        .allocationBound(bytes -> bytes.length, 8)
                        .run(200, bytes -> {
                            int size = calls.incrementAndGet() >= 150 ? 2 << 20 : 8;
                            assertThat(new byte[size]).hasSize(size);
                        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("input 149 ")
                .hasMessageContaining("twice")
                .hasMessageContaining("bound " + ((1 << 20) + 64));
    }

    @Test
    void anAllocationThatDoesNotRecurOnTheSameInputIsAFirstUseNotAFailure() {
        AtomicInteger calls = new AtomicInteger();
        Fuzz.of("t", (SplittableRandom random) -> new byte[8])
                .allocationBound(bytes -> bytes.length, 8)
                .run(200, bytes -> {
                    int size = calls.incrementAndGet() == 150 ? 2 << 20 : 8;
                    assertThat(new byte[size]).hasSize(size);
                });
        assertThat(calls).hasValue(201);
    }

    @Test
    void aBatchThatDoesNotFinishFailsTheRun() {
        assertThatThrownBy(() -> Fuzz.of("t", (SplittableRandom random) -> random.nextInt())
                        .batchTimeout(Duration.ofMillis(200))
                        .run(10, value -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                Thread.onSpinWait();
                            }
                        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("did not finish within");
    }

    @Test
    void theSameSeedReplaysTheSameInputs() {
        AtomicInteger sum = new AtomicInteger();
        System.setProperty("fuzz.seed", "42");
        try {
            Fuzz.of("t", (SplittableRandom random) -> random.nextInt(1000)).run(100, sum::addAndGet);
            int first = sum.getAndSet(0);
            Fuzz.of("t", (SplittableRandom random) -> random.nextInt(1000)).run(100, sum::addAndGet);
            assertThat(sum.get()).isEqualTo(first);
        } finally {
            System.clearProperty("fuzz.seed");
        }
    }
}
