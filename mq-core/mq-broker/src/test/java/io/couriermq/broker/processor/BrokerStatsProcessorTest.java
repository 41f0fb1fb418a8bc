package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static io.couriermq.broker.admin.AdminFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.admin.BrokerRuntimeInfo;
import io.couriermq.broker.admin.PulledOffsets;
import io.couriermq.broker.admin.RuntimeGauges;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.stats.BrokerStats;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.GroupList;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.OffsetWrapper;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicOffset;
import io.couriermq.remoting.protocol.body.TopicStatsTable;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetTopicStatsInfoRequestHeader;
import io.couriermq.remoting.protocol.header.broker.QueryTopicConsumeByWhoRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerStatsProcessorTest {
    private static final long START_MS = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    private static final long MS_TO_FIRST_MIDNIGHT = 6_400_000;
    private static final List<String> NUMERIC_LONG_KEYS = List.of(
            "earliestMessageTimeStamp",
            "msgPutTotalYesterdayMorning",
            "msgPutTotalTodayMorning",
            "msgPutTotalTodayNow",
            "msgGetTotalYesterdayMorning",
            "msgGetTotalTodayMorning",
            "msgGetTotalTodayNow",
            "sendThreadPoolQueueSize",
            "pullThreadPoolQueueSize",
            "sendThreadPoolQueueHeadWaitTimeMills",
            "pullThreadPoolQueueHeadWaitTimeMills",
            "pageCacheLockTimeMills");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START_MS);
    private final TrackingStore store = new TrackingStore(clock);
    private final AtomicLong transferred = new AtomicLong();
    private final BrokerConfig config = AdminFixtures.config();
    private final PulledOffsets pulled = new PulledOffsets();
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);
    private BrokerRuntimeInfo runtimeInfo;
    private ConsumerOffsetManager offsets;
    private BrokerStatsProcessor processor;

    @BeforeEach
    void setUp() {
        TopicConfigManager topics = new TopicConfigManager(config, dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 2, 2, 6, "SINGLE_TAG", 0, false, Map.of()));
        topics.createOrUpdate(new TopicConfig("Single", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        offsets = new ConsumerOffsetManager(dir);
        RuntimeGauges gauges = new RuntimeGauges(transferred::get, () -> 3, () -> 4, () -> 120, () -> 35);
        runtimeInfo = new BrokerRuntimeInfo(config, store, clock, gauges, ZoneOffset.UTC);
        processor = new BrokerStatsProcessor(
                config,
                topics,
                offsets,
                store,
                runtimeInfo,
                topic -> topic.equals("Orders") ? Set.of("online-group") : Set.of(),
                pulled,
                stats::groupGetRate);
    }

    @Test
    void runtimeInfoHasTheClusterListKeysWithNumbersWhereTheAdminParsesThem() {
        store.diskUsedRatio(0.43216);
        KVTable info = runtimeInfo();

        Map<String, String> table = info.table();
        assertThat(table.get("brokerVersionDesc")).isEqualTo("V5_2_0");
        assertThat(table.get("brokerActive")).isEqualTo("true");
        NUMERIC_LONG_KEYS.forEach(
                key -> assertThat(Long.parseLong(table.get(key))).as(key).isNotNegative());
        assertThat(table.get("commitLogDiskRatio"))
                .as("the store's ratio, 4 decimals")
                .isEqualTo("0.4322");
        assertThat(Long.parseLong(table.get("earliestMessageTimeStamp")))
                .as("an empty store reports now")
                .isEqualTo(START_MS);
        assertThat(table.get("sendThreadPoolQueueSize")).isEqualTo("3");
        assertThat(table.get("pullThreadPoolQueueSize")).isEqualTo("4");
        assertThat(table.get("sendThreadPoolQueueHeadWaitTimeMills")).isEqualTo("120");
        assertThat(table.get("pullThreadPoolQueueHeadWaitTimeMills")).isEqualTo("35");
        assertThat(table.get("pageCacheLockTimeMills"))
                .as("no append in progress")
                .isEqualTo("0");
        for (String key : List.of("putTps", "getTransferredTps", "getTransferedTps")) {
            assertThat(Double.parseDouble(table.get(key).split(" ")[0])).as(key).isZero();
        }
    }

    @Test
    void runtimeInfoCountsAndRatesPutsAndTransfers() {
        clock.advanceMillis(10);
        for (int i = 0; i < 20; i++) {
            store.put(message("Orders", 0, null, null));
        }
        transferred.set(10);
        clock.advanceMillis(1_990);

        Map<String, String> table = runtimeInfo().table();

        assertThat(table.get("putTps")).startsWith("10.00 ");
        assertThat(table.get("getTransferredTps")).startsWith("5.00 ");
        assertThat(table.get("msgPutTotalTodayNow")).isEqualTo("20");
        assertThat(table.get("msgGetTotalTodayNow")).isEqualTo("10");
        assertThat(table.get("earliestMessageTimeStamp")).isEqualTo(Long.toString(START_MS + 10));
    }

    @Test
    void runtimeInfoSplitsTheDailyTotalsAtEachMidnight() {
        putMessages(20);
        transferred.set(10);
        Map<String, String> firstDay = runtimeInfo().table();
        assertThat(dailyTotals(firstDay, "msgPutTotal")).containsExactly(0L, 0L, 20L);
        assertThat(dailyTotals(firstDay, "msgGetTotal")).containsExactly(0L, 0L, 10L);

        clock.advanceMillis(MS_TO_FIRST_MIDNIGHT + 1_000);
        runtimeInfo.sample(); // what the sampler does every 10 s
        putMessages(5);
        transferred.set(12);
        Map<String, String> secondDay = runtimeInfo().table();
        assertThat(dailyTotals(secondDay, "msgPutTotal")).containsExactly(0L, 20L, 25L);
        assertThat(dailyTotals(secondDay, "msgGetTotal")).containsExactly(0L, 10L, 12L);

        clock.advanceMillis(24 * 3_600_000L);
        putMessages(1);
        Map<String, String> thirdDay = runtimeInfo().table();
        assertThat(dailyTotals(thirdDay, "msgPutTotal"))
                .as("clusterList: yesterday 5, today 0 (the put came before the first look at the new day)")
                .containsExactly(20L, 26L, 26L);
        assertThat(dailyTotals(thirdDay, "msgGetTotal")).containsExactly(10L, 12L, 12L);
    }

    @Test
    void consumeTpsIsTheGroupsPullRateOverTheLastMinuteSummedOverTopics() {
        offsets.commit("cg", "Orders", 0, 0);
        offsets.commit("cg", "Single", 0, 0);
        stats.recordGet("cg", "Orders", 30, 3_000);
        stats.recordGet("cg", "Single", 10, 1_000);
        stats.recordGet("other", "Orders", 500, 50_000);
        clock.advanceMillis(10_000);

        ConsumeStats one =
                RemotingJson.decode(process(consumeStats("cg", "Orders")).body(), ConsumeStats.class);
        ConsumeStats all = RemotingJson.decode(process(consumeStats("cg", null)).body(), ConsumeStats.class);

        assertThat(one.consumeTps()).isEqualTo(3.0);
        assertThat(all.consumeTps()).isEqualTo(4.0);
    }

    private void putMessages(int count) {
        for (int i = 0; i < count; i++) {
            store.put(message("Orders", 0, null, null));
        }
    }

    private static List<Long> dailyTotals(Map<String, String> table, String prefix) {
        return List.of(
                Long.parseLong(table.get(prefix + "YesterdayMorning")),
                Long.parseLong(table.get(prefix + "TodayMorning")),
                Long.parseLong(table.get(prefix + "TodayNow")));
    }

    @Test
    void runtimeInfoIsAKvTableBody() {
        RemotingCommand response = process(
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build());

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("{\"table\":{");
    }

    @Test
    void topicStatsGiveEachQueuesRangeAndNewestStoreTime() {
        store.put(message("Orders", 1, null, null));
        clock.advanceMillis(5);
        store.put(message("Orders", 1, null, null));
        store.raiseMinOffset(1);

        RemotingCommand response =
                process(request(RequestCode.GET_TOPIC_STATS_INFO, new GetTopicStatsInfoRequestHeader("Orders")));

        TopicStatsTable stats = RemotingJson.decode(response.body(), TopicStatsTable.class);
        assertThat(stats.offsetTable())
                .containsExactly(
                        Map.entry(queue("Orders", 0), new TopicOffset(0, 0, 0)),
                        Map.entry(queue("Orders", 1), new TopicOffset(1, 2, START_MS + 5)));
    }

    @Test
    void topicStatsOfAnUnknownTopicAreTopicNotExist() {
        RemotingCommand response =
                process(request(RequestCode.GET_TOPIC_STATS_INFO, new GetTopicStatsInfoRequestHeader("Nope")));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void consumeStatsAreWrittenWithMessageQueueStringKeys() {
        for (int i = 0; i < 3; i++) {
            store.put(message("Single", 0, null, null));
            clock.advanceMillis(100);
        }
        offsets.commit("cg", "Single", 0, 2);

        RemotingCommand response = process(consumeStats("cg", "Single"));

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"consumeTps\":0.0,\"offsetTable\":{"
                        + "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"Single\\\"}\":"
                        + "{\"brokerOffset\":3,\"consumerOffset\":2,\"lastTimestamp\":" + (START_MS + 100)
                        + ",\"pullOffset\":2}}}");
    }

    @Test
    void consumeStatsWithoutATopicCoverEveryTopicTheGroupHasOffsetsFor() {
        store.put(message("Orders", 0, null, null));
        store.put(message("Orders", 0, null, null));
        offsets.commit("cg", "Orders", 1, 0);
        offsets.commit("cg", "Single", 0, 0);
        offsets.commit("cg", "GoneTopic", 0, 9);

        ConsumeStats stats =
                RemotingJson.decode(process(consumeStats("cg", null)).body(), ConsumeStats.class);

        assertThat(stats.offsetTable().keySet())
                .containsExactly(queue("Orders", 0), queue("Orders", 1), queue("Single", 0));
        assertThat(stats.offsetTable().get(queue("Orders", 0)))
                .as("no commit on queue 0: consumer offset 0, lag = max offset")
                .isEqualTo(new OffsetWrapper(2, 0, 0, 0));
        assertThat(stats.consumeTps()).isZero();
    }

    @Test
    void thePullOffsetIsHowFarTheGroupPulledBetweenItsCommitAndTheQueueEnd() {
        for (int i = 0; i < 5; i++) {
            store.put(message("Orders", 0, null, null));
            store.put(message("Orders", 1, null, null));
        }
        offsets.commit("cg", "Orders", 0, 2);
        offsets.commit("cg", "Orders", 1, 2);
        pulled.record("cg", "Orders", 0, 4);
        pulled.record("cg", "Orders", 0, 3);
        pulled.record("cg", "Orders", 1, 99);

        ConsumeStats stats =
                RemotingJson.decode(process(consumeStats("cg", "Orders")).body(), ConsumeStats.class);

        assertThat(stats.offsetTable().get(queue("Orders", 0)).pullOffset())
                .as("never backwards")
                .isEqualTo(4);
        assertThat(stats.offsetTable().get(queue("Orders", 1)).pullOffset())
                .as("capped at the queue end")
                .isEqualTo(5);
    }

    @Test
    void aGroupWithoutOffsetsHasAnEmptyTable() {
        ConsumeStats stats =
                RemotingJson.decode(process(consumeStats("nobody", null)).body(), ConsumeStats.class);

        assertThat(stats.offsetTable()).isEmpty();
    }

    @Test
    void consumersOfATopicAreOnlineGroupsAndGroupsWithOffsets() {
        offsets.commit("offline-group", "Orders", 0, 1);
        offsets.commit("elsewhere", "Single", 0, 1);

        RemotingCommand response = process(
                request(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, new QueryTopicConsumeByWhoRequestHeader("Orders")));

        assertThat(RemotingJson.decode(response.body(), GroupList.class).groupList())
                .containsExactlyInAnyOrder("offline-group", "online-group");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("{\"groupList\":[");
    }

    private KVTable runtimeInfo() {
        RemotingCommand response = process(
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), KVTable.class);
    }

    private static RemotingCommand consumeStats(String group, String topic) {
        return request(RequestCode.GET_CONSUME_STATS, new GetConsumeStatsRequestHeader(group, topic));
    }

    private MessageQueue queue(String topic, int queueId) {
        return new MessageQueue(topic, config.brokerName(), queueId);
    }

    private RemotingCommand process(RemotingCommand request) {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }
}
