package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.admin.OffsetResetPlanner;
import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangeListener;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.CloneGroupOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupOffsetAdminProcessorTest {
    private static final long START_MS = 1_700_000_000_000L;
    private static final String Q0 =
            "{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"Orders\\\"}";
    private static final String Q1 =
            "{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":1,\\\"topic\\\":\\\"Orders\\\"}";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START_MS);
    private final TrackingStore store = new TrackingStore(clock);
    private final BrokerConfig config = AdminFixtures.config();
    private final ConsumerGroupRegistry consumers = new ConsumerGroupRegistry(clock, ConsumerIdsChangeListener.NONE);
    private final FakeRemotingChannel consumerChannel = new FakeRemotingChannel("10.0.0.1:1001");
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private GroupOffsetAdminProcessor processor;

    @BeforeEach
    void setUp() {
        topics = new TopicConfigManager(config, dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 2, 2, 6, "SINGLE_TAG", 0, false, Map.of()));
        topics.createOrUpdate(new TopicConfig("Other", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        offsets = new ConsumerOffsetManager(dir, clock);
        processor = new GroupOffsetAdminProcessor(
                "broker-a",
                topics,
                new SubscriptionGroupManager(config, dir, clock),
                offsets,
                consumers,
                new OffsetResetPlanner(store, offsets));
        // queue 0: offsets 0..4 stored at START+0..4 ms; queue 1: offsets 0..1 at START+5..6 ms
        for (int i = 0; i < 5; i++) {
            store.put(message("Orders", 0, null, null));
            clock.advanceMillis(1);
        }
        for (int i = 0; i < 2; i++) {
            store.put(message("Orders", 1, null, null));
            clock.advanceMillis(1);
        }
    }

    @Test
    void aForcedResetByTimeCommitsAndTellsEveryOnlineConsumerAndAnswersTheNewOffsets() {
        offsets.commit("cg", "Orders", 0, 5);
        offsets.commit("cg", "Orders", 1, 2);
        join(consumerChannel, "10.0.0.1@a");

        RemotingCommand response = call(reset("cg", START_MS + 2, true));

        String expected = "{\"offsetTable\":{\"" + Q0 + "\":2,\"" + Q1 + "\":0}}";
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(response.body(), UTF_8)).isEqualTo(expected);
        assertThat(offsets.offsetsOf("cg", "Orders")).containsExactly(Map.entry(0, 2L), Map.entry(1, 0L));
        assertThat(consumerChannel.oneways()).singleElement().satisfies(notice -> {
            assertThat(notice.code()).isEqualTo(RequestCode.RESET_CONSUMER_CLIENT_OFFSET.code());
            assertThat(notice.extFields())
                    .containsEntry("topic", "Orders")
                    .containsEntry("group", "cg")
                    .containsEntry("timestamp", String.valueOf(START_MS + 2))
                    .containsEntry("isForce", "true");
            assertThat(new String(notice.body(), UTF_8)).isEqualTo(expected);
        });
    }

    @Test
    void withoutForceAQueueOnlyMovesBack() {
        offsets.commit("cg", "Orders", 0, 1);
        offsets.commit("cg", "Orders", 1, 2);

        RemotingCommand response = call(reset("cg", START_MS + 3, false));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.offsetsOf("cg", "Orders")).containsExactly(Map.entry(0, 1L), Map.entry(1, 0L));
    }

    @Test
    void timestampMinusOneSkipsEverythingAccumulatedEvenWithNobodyOnline() {
        offsets.commit("cg", "Orders", 0, 1);

        RemotingCommand response = call(reset("cg", -1, true));

        assertThat(response.code())
                .as("SUCCESS, not CONSUMER_NOT_ONLINE: the broker rewrote the offsets itself")
                .isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.offsetsOf("cg", "Orders")).containsExactly(Map.entry(0, 5L), Map.entry(1, 2L));
        assertThat(consumerChannel.oneways()).isEmpty();
    }

    @Test
    void theResetIsRecordedSoAnOlderHandBackCannotUndoIt() {
        offsets.commit("cg", "Orders", 0, 5);
        long slaveCommitMs = clock.millis();
        clock.advanceMillis(1);

        call(reset("cg", START_MS, true));

        assertThat(offsets.handBack("cg", "Orders", 0, 5, slaveCommitMs)).isFalse();
        assertThat(offsets.committedOffset("cg", "Orders", 0)).hasValue(0);
    }

    @Test
    void oneQueueToAnExplicitOffsetInsideItsRange() {
        offsets.commit("cg", "Orders", 0, 5);

        RemotingCommand inRange = call(request(new ResetOffsetRequestHeader("Orders", "cg", 0, 3L, -1, true)));
        RemotingCommand outside = call(request(new ResetOffsetRequestHeader("Orders", "cg", 0, 9L, -1, true)));

        assertThat(inRange.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.offsetsOf("cg", "Orders")).containsExactly(Map.entry(0, 3L));
        assertThat(outside.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(outside.remark()).isEqualTo("Target offset 9 not in consume queue range [0-5]");
    }

    @Test
    void anUnknownTopicOrGroupIsRefusedAs520Does() {
        RemotingCommand noTopic = call(request(new ResetOffsetRequestHeader("Nope", "cg", -1, -1L, -1, true)));
        RemotingCommand noGroup = call(reset("never-seen", -1, true));

        assertThat(noTopic.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(noGroup.code()).isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST.code());
        assertThat(noGroup.remark()).isEqualTo("Group never-seen does not exist");
    }

    @Test
    void cloneCopiesEveryTopicOfTheSourceWhenNoneIsNamed() {
        offsets.commit("src", "Orders", 0, 4);
        offsets.commit("src", "Orders", 1, 1);
        offsets.commit("src", "Other", 0, 7);
        offsets.commit("src", "Gone", 0, 9);
        offsets.commit("dest", "Orders", 0, 5);

        RemotingCommand response = call(clone("src", "dest", null, false));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.offsetsOf("dest", "Orders")).containsExactly(Map.entry(0, 4L), Map.entry(1, 1L));
        assertThat(offsets.offsetsOf("dest", "Other")).containsExactly(Map.entry(0, 7L));
        assertThat(offsets.topicsOf("dest"))
                .as("topics the broker lacks are skipped")
                .doesNotContain("Gone");
    }

    @Test
    void cloneSkipsTopicsAnOnlineSourceDoesNotSubscribeToUnlessOffline() {
        offsets.commit("cg", "Orders", 0, 4);
        offsets.commit("cg", "Other", 0, 7);
        join(consumerChannel, "10.0.0.1@a");

        call(clone("cg", "online-copy", null, false));
        call(clone("cg", "offline-copy", "Other", true));

        assertThat(offsets.topicsOf("online-copy")).containsExactly("Orders");
        assertThat(offsets.offsetsOf("offline-copy", "Other")).containsExactly(Map.entry(0, 7L));
    }

    private void join(FakeRemotingChannel channel, String clientId) {
        SubscriptionData subscription = new SubscriptionData("Orders", "*", Set.of(), Set.of(), 1, "TAG", false);
        consumers.register(
                new ClientIdentity(channel, clientId, LanguageCode.JAVA, 453),
                new ConsumerData(
                        "cg",
                        ConsumeType.CONSUME_PASSIVELY,
                        MessageModel.CLUSTERING,
                        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                        Set.of(subscription),
                        false),
                false);
    }

    private static RemotingCommand reset(String group, long timestamp, boolean force) {
        // as mqadmin 5.2.0 sends it: offset -1 stands for "none", queueId left at -1
        return request(new ResetOffsetRequestHeader("Orders", group, -1, -1L, timestamp, force));
    }

    private static RemotingCommand clone(String src, String dest, String topic, boolean offline) {
        return RemotingCommand.request(RequestCode.CLONE_GROUP_OFFSET)
                .header(new CloneGroupOffsetRequestHeader(src, dest, topic, offline))
                .build();
    }

    private static RemotingCommand request(ResetOffsetRequestHeader header) {
        return RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET)
                .header(header)
                .build();
    }

    private RemotingCommand call(RemotingCommand request) {
        return processor.process(new FakeRequestContext(new FakeRemotingChannel("10.0.0.100:2000")), request);
    }
}
