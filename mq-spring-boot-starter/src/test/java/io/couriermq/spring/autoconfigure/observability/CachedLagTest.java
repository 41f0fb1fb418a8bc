package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lag gauge asks the brokers at most once per interval, and survives a failed ask. */
class CachedLagTest {
    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(5);

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void readsWithinTheIntervalReuseTheLastValue() {
        AtomicLong lag = new AtomicLong(7);
        CachedLag cached = new CachedLag(
                "c",
                () -> {
                    asked.incrementAndGet();
                    return lag.get();
                },
                INTERVAL,
                clock::get);

        assertThat(cached.value()).isEqualTo(7.0);
        lag.set(9);
        clock.addAndGet(INTERVAL - 1);
        assertThat(cached.value()).isEqualTo(7.0);
        assertThat(asked).hasValue(1);
        clock.addAndGet(1);
        assertThat(cached.value()).isEqualTo(9.0);
        assertThat(asked).hasValue(2);
    }

    @Test
    void unknownIsNaNAndAFailureKeepsTheLastValue() {
        AtomicInteger call = new AtomicInteger();
        CachedLag cached = new CachedLag(
                "c",
                () -> switch (call.incrementAndGet()) {
                    case 1 -> null;
                    case 2 -> 4L;
                    default -> throw new IllegalStateException("broker down");
                },
                INTERVAL,
                clock::get);

        assertThat(cached.value()).isNaN();
        clock.addAndGet(INTERVAL);
        assertThat(cached.value()).isEqualTo(4.0);
        clock.addAndGet(INTERVAL);
        assertThat(cached.value()).isEqualTo(4.0);
        assertThat(call).hasValue(3);
    }
}
