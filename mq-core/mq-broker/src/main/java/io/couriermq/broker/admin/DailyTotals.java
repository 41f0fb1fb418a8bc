package io.couriermq.broker.admin;

import io.couriermq.common.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * A running total (messages put, messages got) split into days at local midnight by the broker's clock,
 * as {@code mqadmin clusterList} reads it: yesterday = todayMorning - yesterdayMorning, today = now -
 * todayMorning.
 *
 * <p>The "morning" figures are snapshots of the running total taken at the first {@link #observe()}
 * after a midnight (the runtime-info sampler calls it every 10 s, so what arrives in those seconds counts
 * as the day before). Before the first midnight after start both mornings are the total at start, 0: the
 * broker's first day reads as today = everything since start, yesterday = 0. If one observation crosses
 * two midnights or more, nothing is known about the day in between: both mornings become the current
 * total (yesterday 0, today 0).
 */
public final class DailyTotals {
    private final Clock clock;
    private final ZoneId zone;
    private final LongSupplier runningTotal;
    private LocalDate today;
    private long yesterdayMorning;
    private long todayMorning;

    public DailyTotals(Clock clock, ZoneId zone, LongSupplier runningTotal) {
        this.clock = clock;
        this.zone = zone;
        this.runningTotal = runningTotal;
        this.today = dateNow();
    }

    /** Takes the morning snapshots if a midnight passed since the last call. */
    public synchronized void observe() {
        LocalDate date = dateNow();
        if (!date.isAfter(today)) {
            return;
        }
        long total = runningTotal.getAsLong();
        yesterdayMorning = date.equals(today.plusDays(1)) ? todayMorning : total;
        todayMorning = total;
        today = date;
    }

    public synchronized long yesterdayMorning() {
        return yesterdayMorning;
    }

    public synchronized long todayMorning() {
        return todayMorning;
    }

    public long now() {
        return runningTotal.getAsLong();
    }

    private LocalDate dateNow() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), zone);
    }
}
