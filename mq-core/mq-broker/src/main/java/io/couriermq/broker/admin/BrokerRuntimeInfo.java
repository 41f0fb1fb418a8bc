package io.couriermq.broker.admin;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.store.MessageStore;
import io.couriermq.store.StoreStats;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The GET_BROKER_RUNTIME_INFO table (remoting-protocol §3.8): every key {@code mqadmin clusterList}
 * reads, all as strings. {@code earliestMessageTimeStamp} and {@code commitLogDiskRatio} are parsed by
 * the admin without a try, so they are always numeric, as are the wait times and daily totals it parses
 * as longs. Daily totals are split at local midnight by {@link DailyTotals}.
 *
 * <p>TPS figures come from {@link RateMeter}s sampled on every request and by {@link #sample()}; call
 * that periodically (e.g. every 10 s) for a steady figure.
 */
public final class BrokerRuntimeInfo {
    /** What the official client knows as MQVersion V5_2_0; the ordinal matches our responses' version. */
    public static final String VERSION_DESC = "V5_2_0";

    private static final long RATE_WINDOW_MS = 60_000;

    private final BrokerConfig config;
    private final MessageStore store;
    private final Clock clock;
    private final RuntimeGauges gauges;
    private final long bootTimestampMs;
    private final RateMeter putRate = new RateMeter(RATE_WINDOW_MS);
    private final RateMeter transferRate = new RateMeter(RATE_WINDOW_MS);
    private final DailyTotals putTotals;
    private final DailyTotals getTotals;

    /** Days split at midnight in the system's time zone. */
    public BrokerRuntimeInfo(BrokerConfig config, MessageStore store, Clock clock, RuntimeGauges gauges) {
        this(config, store, clock, gauges, ZoneId.systemDefault());
    }

    public BrokerRuntimeInfo(BrokerConfig config, MessageStore store, Clock clock, RuntimeGauges gauges, ZoneId zone) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.gauges = gauges;
        this.bootTimestampMs = clock.millis();
        this.putTotals = new DailyTotals(clock, zone, () -> store.stats().putCount());
        this.getTotals = new DailyTotals(clock, zone, gauges.messagesTransferredTotal());
        sample();
    }

    /** Samples the put and transfer counters for the TPS figures, and the daily totals at midnight. */
    public void sample() {
        sample(store.stats());
    }

    public KVTable table() {
        StoreStats stats = store.stats();
        sample(stats);
        long nowMs = clock.millis();
        Map<String, String> table = new HashMap<>();
        table.put("brokerVersionDesc", VERSION_DESC);
        table.put("brokerVersion", Integer.toString(RemotingCommand.PROTOCOL_VERSION));
        table.put("brokerActive", Boolean.toString(config.brokerRole().isMaster() && stats.writable()));
        table.put("bootTimestamp", Long.toString(bootTimestampMs));
        table.put("putTps", tps(putRate.perSecond()));
        table.put("getTransferredTps", tps(transferRate.perSecond()));
        table.put("getTransferedTps", tps(transferRate.perSecond()));
        table.put(
                "sendThreadPoolQueueSize",
                Integer.toString(gauges.sendQueueSize().getAsInt()));
        table.put("sendThreadPoolQueueCapacity", Integer.toString(config.sendThreadPoolQueueCapacity()));
        table.put(
                "pullThreadPoolQueueSize",
                Integer.toString(gauges.pullQueueSize().getAsInt()));
        table.put("pullThreadPoolQueueCapacity", Integer.toString(config.pullThreadPoolQueueCapacity()));
        table.put(
                "sendThreadPoolQueueHeadWaitTimeMills",
                Long.toString(gauges.sendQueueHeadWaitMs().getAsLong()));
        table.put(
                "pullThreadPoolQueueHeadWaitTimeMills",
                Long.toString(gauges.pullQueueHeadWaitMs().getAsLong()));
        table.put("pageCacheLockTimeMills", Long.toString(stats.appendLockHeldMs()));
        table.put("earliestMessageTimeStamp", Long.toString(earliestMessageTimestampMs(stats, nowMs)));
        table.put("commitLogDiskRatio", String.format(Locale.ROOT, "%.4f", stats.diskUsedRatio()));
        table.put("commitLogMinOffset", Long.toString(stats.commitLogMinOffset()));
        table.put("commitLogMaxOffset", Long.toString(stats.commitLogMaxOffset()));
        table.put("dispatchBehindBytes", Long.toString(stats.commitLogMaxOffset() - stats.dispatchedOffset()));
        table.put("putMessageTimesTotal", Long.toString(stats.putCount()));
        table.put("putMessageSizeTotal", Long.toString(stats.putBytes()));
        putDailyTotals(table, "msgPutTotal", putTotals);
        putDailyTotals(table, "msgGetTotal", getTotals);
        return new KVTable(table);
    }

    private void sample(StoreStats stats) {
        long nowMs = clock.millis();
        putRate.sample(nowMs, stats.putCount());
        transferRate.sample(nowMs, gauges.messagesTransferredTotal().getAsLong());
        putTotals.observe();
        getTotals.observe();
    }

    /** An empty store reports "now", so clusterList shows 0 hours of messages rather than a negative age. */
    private static long earliestMessageTimestampMs(StoreStats stats, long nowMs) {
        return stats.earliestStoreTimestampMs() < 0 ? nowMs : stats.earliestStoreTimestampMs();
    }

    private static void putDailyTotals(Map<String, String> table, String prefix, DailyTotals totals) {
        table.put(prefix + "YesterdayMorning", Long.toString(totals.yesterdayMorning()));
        table.put(prefix + "TodayMorning", Long.toString(totals.todayMorning()));
        table.put(prefix + "TodayNow", Long.toString(totals.now()));
    }

    /** The official format: three space-separated figures (10 s, 1 min, 10 min); we have one rate. */
    private static String tps(double perSecond) {
        String figure = String.format(Locale.ROOT, "%.2f", perSecond);
        return figure + " " + figure + " " + figure;
    }
}
