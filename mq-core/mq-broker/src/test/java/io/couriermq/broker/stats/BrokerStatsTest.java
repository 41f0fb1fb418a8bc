package io.couriermq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.BrokerStatsData;
import io.couriermq.remoting.protocol.body.BrokerStatsItem;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerStatsTest {
    /** A multiple of an hour, so every window's buckets start here. */
    private static final long START_MS = 1_700_002_800_000L;

    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 60 * MINUTE_MS;

    private final ManualClock clock = new ManualClock(START_MS);
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);

    @Test
    void putsAreSummedPerTopicWithTheirRateAndMessagesPerPut() {
        stats.recordPut("Orders", 1, 100);
        stats.recordPut("Orders", 3, 300);
        clock.advanceMillis(20_000);
        stats.recordPut("Orders", 2, 200);
        stats.recordPut("Other", 7, 700);

        BrokerStatsData orders = figures("TOPIC_PUT_NUMS", "Orders");

        assertThat(orders.statsMinute().sum()).isEqualTo(6);
        assertThat(orders.statsMinute().tps())
                .as("6 messages over the 20 s since first seen")
                .isEqualTo(0.3);
        assertThat(orders.statsMinute().avgpt()).as("messages per put").isEqualTo(2.0);
        assertThat(orders.statsHour().sum()).isEqualTo(6);
        assertThat(orders.statsDay().sum()).isEqualTo(6);
        assertThat(figures("TOPIC_PUT_SIZE", "Orders").statsMinute().sum()).isEqualTo(600);
        assertThat(figures("TOPIC_PUT_NUMS", "Other").statsMinute().sum()).isEqualTo(7);
        BrokerStatsData broker = figures("BROKER_PUT_NUMS", "DefaultCluster");
        assertThat(broker.statsMinute().sum()).isEqualTo(13);
        assertThat(broker.statsMinute().avgpt())
                .as("5.2.0 counts no events for the broker")
                .isZero();
    }

    @Test
    void pullsAreSummedPerTopicAtGroupAsStatsAllAsksForThem() {
        stats.recordGet("cg", "Orders", 4, 400);
        stats.recordGet("cg", "Orders", 6, 600);
        stats.recordGet("other", "Orders", 1, 100);

        assertThat(figures("GROUP_GET_NUMS", "Orders@cg").statsMinute().sum()).isEqualTo(10);
        assertThat(figures("GROUP_GET_SIZE", "Orders@cg").statsMinute().sum()).isEqualTo(1000);
        assertThat(figures("GROUP_GET_NUMS", "Orders@other").statsMinute().sum())
                .isEqualTo(1);
        assertThat(figures("BROKER_GET_NUMS", "DefaultCluster").statsMinute().sum())
                .isEqualTo(11);
        assertThat(stats.groupGetRate("cg", "Orders"))
                .as("just recorded: divided by the one-second floor, not by zero")
                .isEqualTo(10.0);
    }

    @Test
    void eachWindowForgetsWhatFellOutOfIt() {
        stats.recordPut("Orders", 5, 0);
        clock.advanceMillis(10 * MINUTE_MS);
        stats.recordPut("Orders", 1, 0);

        BrokerStatsData tenMinutesOn = figures("TOPIC_PUT_NUMS", "Orders");
        assertThat(tenMinutesOn.statsMinute().sum()).isEqualTo(1);
        assertThat(tenMinutesOn.statsHour().sum()).isEqualTo(6);
        assertThat(tenMinutesOn.statsHour().tps()).isCloseTo(6 / 600.0, within(1e-9));

        clock.advanceMillis(2 * HOUR_MS);
        BrokerStatsData twoHoursOn = figures("TOPIC_PUT_NUMS", "Orders");
        assertThat(twoHoursOn.statsMinute()).isEqualTo(BrokerStatsItem.ZERO);
        assertThat(twoHoursOn.statsHour()).isEqualTo(BrokerStatsItem.ZERO);
        assertThat(twoHoursOn.statsDay().sum()).isEqualTo(6);

        clock.advanceMillis(22 * HOUR_MS);
        assertThat(figures("TOPIC_PUT_NUMS", "Orders").statsDay().sum())
                .as("a day on, the hour bucket holding the start of the window is still counted")
                .isEqualTo(6);
        clock.advanceMillis(HOUR_MS);
        assertThat(figures("TOPIC_PUT_NUMS", "Orders").statsDay().sum()).isZero();
    }

    @Test
    void theMinuteRateCoversTheLastMinuteOnly() {
        for (int second = 0; second < 120; second++) {
            stats.recordGet("cg", "Orders", 2, 0);
            clock.advanceMillis(1_000);
        }

        BrokerStatsItem minute = figures("GROUP_GET_NUMS", "Orders@cg").statsMinute();
        assertThat(minute.sum()).as("the six 10 s buckets of the last minute").isEqualTo(120);
        assertThat(minute.tps()).isEqualTo(2.0);
        assertThat(stats.groupGetRate("cg", "Orders")).isEqualTo(2.0);
    }

    @Test
    void unknownNamesAndKeysHaveNoFigures() {
        stats.recordPut("Orders", 1, 1);

        assertThat(stats.figures("NO_SUCH_STATS", "Orders")).isEmpty();
        assertThat(stats.figures("TOPIC_PUT_NUMS", "Nobody")).isEmpty();
        assertThat(stats.groupGetRate("cg", "Nobody")).isZero();
    }

    @Test
    void keysIdleForADayAndAnHourAreDroppedAndBusyOnesKept() {
        stats.recordPut("Quiet", 1, 1);
        clock.advanceMillis(23 * HOUR_MS);
        stats.recordPut("Busy", 1, 1);
        clock.advanceMillis(HOUR_MS);
        stats.dropIdle();
        assertThat(stats.figures("TOPIC_PUT_NUMS", "Quiet"))
                .as("its day figures still count")
                .isPresent();
        clock.advanceMillis(HOUR_MS);

        stats.dropIdle();

        assertThat(stats.figures("TOPIC_PUT_NUMS", "Quiet")).isEmpty();
        assertThat(stats.figures("TOPIC_PUT_NUMS", "Busy")).isPresent();
        assertThat(stats.figures("BROKER_PUT_NUMS", "DefaultCluster")).isPresent();
        stats.recordPut("Quiet", 2, 1);
        assertThat(figures("TOPIC_PUT_NUMS", "Quiet").statsDay().sum())
                .as("a dropped key starts afresh")
                .isEqualTo(2);
    }

    @Test
    void theKeysOfDeletedTopicsGoWithThem() {
        stats.recordPut("Kept", 1, 1);
        stats.recordPut("Deleted", 1, 1);
        stats.recordGet("cg", "Deleted", 1, 1);
        stats.recordGet("cg", "Kept", 1, 1);

        stats.retainTopics(Set.of("Kept")::contains);

        assertThat(stats.figures("TOPIC_PUT_NUMS", "Deleted")).isEmpty();
        assertThat(stats.figures("TOPIC_PUT_SIZE", "Deleted")).isEmpty();
        assertThat(stats.figures("GROUP_GET_NUMS", "Deleted@cg")).isEmpty();
        assertThat(stats.figures("GROUP_GET_NUMS", "Kept@cg")).isPresent();
        assertThat(stats.figures("BROKER_GET_NUMS", "DefaultCluster")).isPresent();
        assertThat(stats.keyCount())
                .as("Kept put x2, Kept@cg get x2, the two broker keys")
                .isEqualTo(6);
    }

    private BrokerStatsData figures(String name, String key) {
        return stats.figures(name, key).orElseThrow(() -> new AssertionError("no figures for " + name + " " + key));
    }
}
