package io.couriermq.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConsoleTimeTest {
    private final ConsoleTime time = new ConsoleTime(ZoneId.of("Europe/Berlin"));

    @Test
    void readsLocalTimesInTheServerZoneOffsetTimesAndEpochMillis() {
        long expected = 1_765_071_600_000L; // 2025-12-07T01:40:00Z

        assertThat(time.parse("2025-12-07T02:40:00")).isEqualTo(expected);
        assertThat(time.parse("2025-12-07T02:40")).isEqualTo(expected);
        assertThat(time.parse("2025-12-07 02:40:00")).isEqualTo(expected);
        assertThat(time.parse("2025-12-07T01:40:00Z")).isEqualTo(expected);
        assertThat(time.parse(" 1765071600000 ")).isEqualTo(expected);
    }

    @Test
    void formatsInTheServerZoneAndShowsNeverAsADash() {
        assertThat(time.format(1_765_071_600_000L)).isEqualTo("2025-12-07 02:40:00");
        assertThat(time.inputValue(1_765_071_600_123L)).isEqualTo("2025-12-07T02:40:00");
        assertThat(time.format(0)).isEqualTo("-");
    }

    @Test
    void aBadTimeNamesTheInputAndTheAcceptedForms() {
        assertThatThrownBy(() -> time.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday' is not a time")
                .hasMessageContaining("Europe/Berlin")
                .hasMessageContaining("epoch milliseconds");
    }
}
