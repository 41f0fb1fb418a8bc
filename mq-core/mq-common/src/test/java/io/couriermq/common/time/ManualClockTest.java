package io.couriermq.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenAdvanced() {
        ManualClock clock = new ManualClock(1_000);
        assertThat(clock.millis()).isEqualTo(1_000);
        clock.advance(2, TimeUnit.SECONDS);
        assertThat(clock.millis()).isEqualTo(3_000);
        assertThat(clock.nanos()).isEqualTo(2_000_000_000L);
    }

    @Test
    void refusesToGoBack() {
        assertThatThrownBy(() -> new ManualClock(0).advanceMillis(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
