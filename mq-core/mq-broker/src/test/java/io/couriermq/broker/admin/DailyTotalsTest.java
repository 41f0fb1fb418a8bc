package io.couriermq.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DailyTotalsTest {
    /** Local midnights of this zone (UTC+9 in November) are at 15:00 UTC. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 30, 22, 0, 0, 0, ZONE);

    private final ManualClock clock = new ManualClock(START.toInstant().toEpochMilli());
    private final AtomicLong total = new AtomicLong();
    private final DailyTotals totals = new DailyTotals(clock, ZONE, total::get);

    @Test
    void beforeTheFirstMidnightEverythingSinceStartIsToday() {
        total.set(40);
        totals.observe();

        assertThat(figures()).containsExactly(0, 0, 40);
    }

    @Test
    void eachMidnightMovesTodayToYesterdayAcrossTwoMidnights() {
        total.set(40);
        advanceTo(START.plusHours(2).plusSeconds(5)); // 00:00:05, Dec 1st
        totals.observe();
        total.addAndGet(7);

        assertThat(figures()).as("yesterday = 40, today = 7").containsExactly(0, 40, 47);

        totals.observe();
        assertThat(figures()).as("the same day again: no new snapshot").containsExactly(0, 40, 47);

        advanceTo(START.plusDays(1).plusHours(2).plusSeconds(10)); // 00:00:10, Dec 2nd
        totals.observe();
        total.addAndGet(3);

        assertThat(figures()).as("yesterday = 7, today = 3").containsExactly(40, 47, 50);
    }

    @Test
    void whatArrivesBetweenMidnightAndTheFirstObservationCountsAsTheDayBefore() {
        total.set(10);
        advanceTo(START.plusHours(2).plusSeconds(9));
        total.set(12); // two messages at 00:00:03, not yet observed

        totals.observe();

        assertThat(figures()).containsExactly(0, 12, 12);
    }

    @Test
    void aDayNeverObservedLeavesNothingToReportForYesterday() {
        total.set(10);
        advanceTo(START.plusDays(2).plusHours(1)); // two midnights in one step

        totals.observe();

        assertThat(figures()).containsExactly(10, 10, 10);
    }

    private long[] figures() {
        return new long[] {totals.yesterdayMorning(), totals.todayMorning(), totals.now()};
    }

    private void advanceTo(ZonedDateTime time) {
        long targetMs = time.toInstant().toEpochMilli();
        assertThat(Instant.ofEpochMilli(targetMs)).isAfterOrEqualTo(Instant.ofEpochMilli(clock.millis()));
        clock.advanceMillis(targetMs - clock.millis());
    }
}
