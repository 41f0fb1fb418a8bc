package io.couriermq.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    @Test
    void isZeroUntilTimePasses() {
        RateMeter meter = new RateMeter(60_000);
        assertThat(meter.perSecond()).isZero();

        meter.sample(1_000, 5);
        meter.sample(1_000, 9);

        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void isTheRateOverTheKeptWindow() {
        RateMeter meter = new RateMeter(10_000);
        meter.sample(0, 0);
        meter.sample(5_000, 50);
        assertThat(meter.perSecond()).isCloseTo(10.0, within(1e-9));

        meter.sample(20_000, 50);
        meter.sample(25_000, 100);

        assertThat(meter.perSecond())
                .as("samples older than the window are dropped")
                .isCloseTo(10.0, within(1e-9));
    }

    @Test
    void ignoresSamplesFromThePast() {
        RateMeter meter = new RateMeter(10_000);
        meter.sample(1_000, 0);
        meter.sample(2_000, 10);
        meter.sample(1_500, 1_000);

        assertThat(meter.perSecond()).isCloseTo(10.0, within(1e-9));
    }
}
