package io.couriermq.console.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    @Test
    void keepsTheLastSamplesOldestFirst() {
        SampleRing ring = new SampleRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(i * 1000L, Map.of("a", (double) i));
        }

        ChartSeries series = ring.snapshot();

        assertThat(series.timesMs()).containsExactly(3000L, 4000L, 5000L);
        assertThat(series.values().get("a")).containsExactly(3.0, 4.0, 5.0);
        assertThat(ring.size()).isEqualTo(3);
    }

    @Test
    void aSeriesMissingFromASampleHasNoValueThere() {
        SampleRing ring = new SampleRing(4);
        ring.add(1, Map.of("a", 1.0));
        ring.add(2, Map.of("a", 2.0, "b", 20.0));
        ring.add(3, Map.of("b", 30.0));

        ChartSeries series = ring.snapshot();

        assertThat(series.values().get("a")).containsExactly(1.0, 2.0, null);
        assertThat(series.values().get("b")).containsExactly(null, 20.0, 30.0);
    }

    @Test
    void aSeriesGoneFromEveryHeldSampleIsDropped() {
        SampleRing ring = new SampleRing(2);
        ring.add(1, Map.of("gone", 1.0, "kept", 1.0));
        ring.add(2, Map.of("kept", 2.0));
        ring.add(3, Map.of("kept", 3.0));

        assertThat(ring.snapshot().values()).containsOnlyKeys("kept");
    }

    @Test
    void refusesARingTooSmallToDrawALine() {
        assertThatThrownBy(() -> new SampleRing(1)).hasMessageContaining("at least 2");
    }

    @Test
    void anEmptyRingHasNoTimes() {
        assertThat(new SampleRing(2).snapshot().timesMs()).isEmpty();
        assertThat(new SampleRing(2).snapshot().values()).isEmpty();
    }
}
