package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.admin.QueueStats;
import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangeListener;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.ConsumeStatsList;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsInBrokerHeader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConsumeStatsProcessorTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final TrackingStore store = new TrackingStore(clock);
    private final BrokerConfig config = AdminFixtures.config();
    private final ConsumerGroupRegistry consumers = new ConsumerGroupRegistry(clock, ConsumerIdsChangeListener.NONE);
    private ConsumerOffsetManager offsets;
    private BrokerConsumeStatsProcessor processor;

    @BeforeEach
    void setUp() {
        TopicConfigManager topics = new TopicConfigManager(config, dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 2, 2, 6, "SINGLE_TAG", 0, false, Map.of()));
        topics.createOrUpdate(new TopicConfig("Sequenced", 1, 1, 6, "SINGLE_TAG", 0, true, Map.of()));
        offsets = new ConsumerOffsetManager(dir, clock);
        processor = new BrokerConsumeStatsProcessor(
                new QueueStats("broker-a", offsets, store), topics, offsets, consumers, () -> "127.0.0.1:10911");
        for (int i = 0; i < 4; i++) {
            store.put(message("Orders", 0, null, null));
        }
        store.put(message("Orders", 1, null, null));
        store.put(message("Sequenced", 0, null, null));
        store.put(message("Sequenced", 0, null, null));
    }

    @Test
    void everyGroupWithOffsetsIsReportedPerTopicWithTheBrokerWideLag() {
        offsets.commit("billing", "Orders", 0, 1);
        offsets.commit("billing", "Sequenced", 0, 2);
        offsets.commit("audit", "Orders", 1, 1);
        offsets.commit("audit", "Deleted", 0, 3);

        ConsumeStatsList list = call(false);

        assertThat(list.brokerAddr()).isEqualTo("127.0.0.1:10911");
        assertThat(list.consumeStatsList()).hasSize(2);
        assertThat(list.consumeStatsList().get(0)).containsOnlyKeys("audit");
        assertThat(list.consumeStatsList().get(0).get("audit")).hasSize(1);
        List<ConsumeStats> billing = list.consumeStatsList().get(1).get("billing");
        assertThat(billing).hasSize(2);
        // billing: Orders 4-1 + 1-0, Sequenced 2-2; audit: Orders 4-0 + 1-1
        assertThat(list.totalDiff()).isEqualTo(4 + 4);
        assertThat(list.totalInflightDiff()).isZero();
    }

    @Test
    void isOrderKeepsOrderedTopicsAndAnOnlineGroupOnlyItsSubscriptions() {
        offsets.commit("billing", "Orders", 0, 1);
        offsets.commit("billing", "Sequenced", 0, 1);
        offsets.commit("cg", "Orders", 0, 4);
        offsets.commit("cg", "Sequenced", 0, 0);
        join("cg", "Orders");

        ConsumeStatsList ordered = call(true);
        ConsumeStatsList all = call(false);

        assertThat(ordered.consumeStatsList().get(0).get("billing")).hasSize(1);
        assertThat(ordered.totalDiff()).isEqualTo(1);
        assertThat(all.consumeStatsList().get(1).get("cg")).singleElement().satisfies(stats -> assertThat(
                        stats.offsetTable().keySet())
                .allSatisfy(queue -> assertThat(queue.topic()).isEqualTo("Orders")));
    }

    private ConsumeStatsList call(boolean orderedOnly) {
        RemotingCommand response = processor.process(
                new FakeRequestContext(new FakeRemotingChannel("10.0.0.9:9")),
                RemotingCommand.request(RequestCode.GET_BROKER_CONSUME_STATS)
                        .header(new GetConsumeStatsInBrokerHeader(orderedOnly))
                        .build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(response.body(), UTF_8)).startsWith("{\"brokerAddr\":");
        return RemotingJson.decode(response.body(), ConsumeStatsList.class);
    }

    private void join(String group, String topic) {
        consumers.register(
                new ClientIdentity(new FakeRemotingChannel("10.0.0.1:1"), "10.0.0.1@c", LanguageCode.JAVA, 453),
                new ConsumerData(
                        group,
                        ConsumeType.CONSUME_PASSIVELY,
                        MessageModel.CLUSTERING,
                        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                        Set.of(new SubscriptionData(topic, "*", Set.of(), Set.of(), 1, "TAG", false)),
                        false),
                false);
    }
}
