package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TopicAdminProcessorTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final AtomicInteger announcements = new AtomicInteger();
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private TopicAdminProcessor processor;

    @BeforeEach
    void setUp() {
        topics = new TopicConfigManager(AdminFixtures.config(), dir, clock);
        topics.addChangeListener(announcements::incrementAndGet);
        offsets = new ConsumerOffsetManager(dir);
        processor = new TopicAdminProcessor(topics, offsets);
    }

    @Test
    void createsATopicAsTheAdminDescribesIt() {
        RemotingCommand response = process(create("Orders", "MULTI_TAG", "+message.type=FIFO"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(topics.find("Orders"))
                .contains(new TopicConfig("Orders", 8, 4, 6, "MULTI_TAG", 0, true, Map.of("message.type", "FIFO")));
        assertThat(announcements).as("NameServers are told").hasValue(1);
    }

    @Test
    void anUnchangedTopicIsNotRewrittenOrReannounced() {
        process(create("Orders", "SINGLE_TAG", ""));
        long version = topics.dataVersion().counter();

        assertThat(process(create("Orders", "SINGLE_TAG", null)).code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(topics.dataVersion().counter()).isEqualTo(version);
        assertThat(announcements).hasValue(1);
    }

    @Test
    void attributesAreAddedToAndRemovedFromTheCurrentOnes() {
        process(create("Orders", "SINGLE_TAG", "+a=1,+b=2"));

        process(create("Orders", "SINGLE_TAG", "-a,+c=3"));

        assertThat(topics.find("Orders").orElseThrow().attributes()).isEqualTo(Map.of("b", "2", "c", "3"));
        assertThat(process(create("Fresh", "SINGLE_TAG", "-a")).remark()).contains("-a", "creating");
        assertThat(process(create("Fresh", "SINGLE_TAG", "a=1")).remark()).contains("+key=value");
        assertThat(topics.find("Fresh")).isEmpty();
    }

    @Test
    void invalidTopicsAreSystemErrorsWithTheReason() {
        assertRefused(create("bad topic", "SINGLE_TAG", ""), "contains ' '");
        assertRefused(create("x".repeat(128), "SINGLE_TAG", ""), "at most 127");
        assertRefused(create("TBW102", "SINGLE_TAG", ""), "system topic");
        assertRefused(create("rmq_sys_anything", "SINGLE_TAG", ""), "system topic");
        assertRefused(create("Orders", "NO_TAG", ""), "SINGLE_TAG or MULTI_TAG");
        assertRefused(
                request(
                        RequestCode.UPDATE_AND_CREATE_TOPIC,
                        new CreateTopicRequestHeader("Orders", "TBW102", 0, 4, 6, "SINGLE_TAG", 0, false, "", null)),
                "at least one read and one write queue");
        assertRefused(
                request(
                        RequestCode.UPDATE_AND_CREATE_TOPIC,
                        new CreateTopicRequestHeader("Orders", "TBW102", 4, 4, 9, "SINGLE_TAG", 0, false, "", null)),
                "perm must be 0..7");
        assertThat(topics.find("Orders")).isEmpty();
        assertThat(announcements).hasValue(0);
    }

    @Test
    void deletingATopicDropsItsConsumerOffsets() {
        process(create("Orders", "SINGLE_TAG", ""));
        offsets.commit("cg", "Orders", 0, 5);
        offsets.commit("cg", "Other", 0, 6);

        RemotingCommand response = process(delete("Orders"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(topics.find("Orders")).isEmpty();
        assertThat(offsets.topicsOf("cg")).containsExactly("Other");
        assertThat(process(delete("Orders")).code())
                .as("deleting again is harmless")
                .isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void systemTopicsCannotBeDeleted() {
        RemotingCommand response = process(delete("TBW102"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("TBW102", "system topic");
        assertThat(topics.find("TBW102")).isPresent();
    }

    @Test
    void allTopicConfigsHaveTheWrapperShape() {
        process(create("Orders", "SINGLE_TAG", ""));

        RemotingCommand response = process(
                RemotingCommand.request(RequestCode.GET_ALL_TOPIC_CONFIG).build());

        JsonNode json = RemotingJson.mapper().readTree(response.body());
        assertThat(json.get("dataVersion").get("counter").asLong())
                .isEqualTo(topics.dataVersion().counter());
        assertThat(json.get("topicConfigTable").get("Orders"))
                .isEqualTo(tree(
                        "{\"attributes\":{},\"order\":true,\"perm\":6,\"readQueueNums\":8,\"topicFilterType\":\"SINGLE_TAG\","
                                + "\"topicName\":\"Orders\",\"topicSysFlag\":0,\"writeQueueNums\":4}"));
        assertThat(RemotingJson.decode(response.body(), TopicConfigSerializeWrapper.class)
                        .topicConfigTable())
                .containsKeys(
                        "Orders",
                        "TBW102"); // what a 5.x broker adds for static topics: empty here, with a version that never
        // changes
        assertThat(json.get("topicQueueMappingDetailMap").isEmpty()).isTrue();
        assertThat(json.get("mappingDataVersion").get("timestamp").asLong()).isZero();
    }

    @Test
    void oneTopicConfigIsTheTopicConfigJsonOrTopicNotExist() {
        process(create("Orders", "SINGLE_TAG", ""));

        RemotingCommand found = process(topicConfig("Orders"));
        RemotingCommand missing = process(topicConfig("Nope"));

        assertThat(found.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(RemotingJson.decode(found.body(), TopicConfig.class))
                .isEqualTo(topics.find("Orders").orElseThrow());
        assertThat(missing.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(missing.remark()).contains("Nope");
    }

    private void assertRefused(RemotingCommand request, String reason) {
        RemotingCommand response = process(request);
        assertThat(response.code()).as(reason).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains(reason);
    }

    private static RemotingCommand create(String topic, String filterType, String attributes) {
        return request(
                RequestCode.UPDATE_AND_CREATE_TOPIC,
                new CreateTopicRequestHeader(topic, "TBW102", 8, 4, 6, filterType, 0, true, attributes, false));
    }

    private static RemotingCommand delete(String topic) {
        return request(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic));
    }

    private static RemotingCommand topicConfig(String topic) {
        return RemotingCommand.request(RequestCode.GET_TOPIC_CONFIG)
                .extField("topic", topic)
                .extField("lo", "true")
                .build();
    }

    private static JsonNode tree(String json) {
        return RemotingJson.mapper().readTree(json);
    }

    private RemotingCommand process(RemotingCommand request) {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }
}
