package io.couriermq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.couriermq.tools.bench.stats.LatencyHistogram;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfOneToTenThousandMicroseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 10_000; micros++) {
            histogram.recordNanos(TimeUnit.MICROSECONDS.toNanos(micros));
        }

        LatencyHistogram.Percentiles percentiles = histogram.snapshot();

        assertThat(percentiles.count()).isEqualTo(10_000);
        assertThat(percentiles.p50Ms()).isCloseTo(5.0, within(0.01));
        assertThat(percentiles.p99Ms()).isCloseTo(9.9, within(0.01));
        assertThat(percentiles.p999Ms()).isCloseTo(9.99, within(0.01));
        assertThat(percentiles.maxMs()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void aSkewedDistributionShowsItsTail() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 990; i++) {
            histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        for (int i = 0; i < 10; i++) {
            histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }

        LatencyHistogram.Percentiles percentiles = histogram.snapshot();

        assertThat(percentiles.p50Ms()).isCloseTo(1.0, within(0.001));
        assertThat(percentiles.p99Ms()).isCloseTo(1.0, within(0.001));
        assertThat(percentiles.p999Ms()).isCloseTo(200.0, within(0.2));
    }

    @Test
    void snapshotsAccumulateAndAnEmptyHistogramIsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThat(histogram.snapshot().p99Ms()).isZero();

        histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(2));
        histogram.snapshot();
        histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(4));

        assertThat(histogram.snapshot().count()).isEqualTo(2);
    }

    @Test
    void valuesBeyondAMinuteAreClampedNotLost() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordNanos(TimeUnit.HOURS.toNanos(1));
        histogram.recordNanos(0);

        LatencyHistogram.Percentiles percentiles = histogram.snapshot();

        assertThat(percentiles.count()).isEqualTo(2);
        assertThat(percentiles.maxMs()).isCloseTo(60_000.0, within(60.0));
    }
}
