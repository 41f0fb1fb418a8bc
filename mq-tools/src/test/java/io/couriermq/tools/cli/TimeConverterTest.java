package io.couriermq.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeConverterTest {
    private final TimeConverter converter = new TimeConverter();

    @Test
    void readsEpochMillisIsoInstantsLocalTimesAndMqadminsFormat() {
        long local = LocalDateTime.of(2026, 12, 7, 10, 0, 0, 123_000_000)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();

        assertThat(converter.convert("1700000000000")).isEqualTo(1_700_000_000_000L);
        assertThat(converter.convert("2023-11-14T22:13:20Z")).isEqualTo(1_700_000_000_000L);
        assertThat(converter.convert("2026-12-07T10:00:00.123")).isEqualTo(local);
        assertThat(converter.convert("2026-12-07#10:00:00:123")).isEqualTo(local);
        assertThat(converter.convert("now")).isPositive();
    }

    @Test
    void anythingElseIsNamed() {
        assertThatThrownBy(() -> converter.convert("yesterday"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'yesterday' is not a time");
    }
}
