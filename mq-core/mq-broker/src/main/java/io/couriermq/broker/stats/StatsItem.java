package io.couriermq.broker.stats;

import io.couriermq.remoting.protocol.body.BrokerStatsData;

/**
 * One statistic for one key (e.g. TOPIC_PUT_NUMS for a topic) over the last minute, hour and day, as
 * VIEW_BROKER_STATS_DATA reports it. Once {@linkplain #retireIfIdle retired} it takes nothing more, so a
 * recorder that raced with the sweep records into a fresh item instead of one that is gone.
 */
final class StatsItem {
    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 60 * MINUTE_MS;
    /** After this long without an add, every window reads zero: the day window and its oldest bucket. */
    static final long REACH_MS = 25 * HOUR_MS;

    private final RollingWindow minute = new RollingWindow(10_000, MINUTE_MS);
    private final RollingWindow hour = new RollingWindow(10 * MINUTE_MS, HOUR_MS);
    private final RollingWindow day = new RollingWindow(HOUR_MS, 24 * HOUR_MS);
    private final long createdMs;
    private long lastAddMs;
    private boolean retired;

    StatsItem(long createdMs) {
        this.createdMs = createdMs;
        this.lastAddMs = createdMs;
    }

    /** Adds a value and a count of events; false if the item was retired and took nothing. */
    synchronized boolean add(long nowMs, long value, long eventCount) {
        if (retired) {
            return false;
        }
        minute.add(nowMs, value, eventCount);
        hour.add(nowMs, value, eventCount);
        day.add(nowMs, value, eventCount);
        lastAddMs = Math.max(lastAddMs, nowMs);
        return true;
    }

    synchronized BrokerStatsData figures(long nowMs) {
        return new BrokerStatsData(
                minute.figures(nowMs, createdMs), hour.figures(nowMs, createdMs), day.figures(nowMs, createdMs));
    }

    synchronized double minuteRate(long nowMs) {
        return minute.figures(nowMs, createdMs).tps();
    }

    /** Retires the item if nothing was added for {@code idleMs}; true if it is (now) retired. */
    synchronized boolean retireIfIdle(long nowMs, long idleMs) {
        if (nowMs - lastAddMs >= idleMs) {
            retired = true;
        }
        return retired;
    }
}
