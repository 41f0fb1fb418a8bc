package io.couriermq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeQueueData;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.PropertiesText;
import io.couriermq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.QueryConsumeQueueRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration and store-maintenance admin codes over real sockets, as mqadmin sends them:
 * GET/UPDATE_BROKER_CONFIG (26/25), DELETE_EXPIRED_COMMITLOG (329), CLEAN_EXPIRED_CONSUMEQUEUE (306),
 * CLEAN_UNUSED_TOPIC (316) and QUERY_CONSUME_QUEUE (321). Commit-log segments are 64 KiB and consume-queue
 * files hold 4 entries, so a few hundred KiB of messages make files to delete.
 */
class BrokerConfigAndMaintenanceIT {
    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final String BODY = "x".repeat(4000);

    @TempDir
    Path storeDir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer nameServer;
    private Broker broker;
    private NettyRemotingClient client;
    private String address;
    private Path confFile;

    @BeforeEach
    void start() throws IOException {
        nameServer = cluster.startNameServer();
        confFile = storeDir.resolve("broker.conf");
        Files.writeString(confFile, "# written by the test\nbrokerName=broker-a\nfileReservedTime=72\n");
        startBroker();
        client = cluster.client();
    }

    private void startBroker() {
        int otherHour = (Instant.now().atZone(ZoneId.systemDefault()).getHour() + 12) % 24;
        BrokerSettings settings = LocalCluster.brokerSettings(
                        storeDir.resolve("store"),
                        Map.of(
                                "namesrvAddr",
                                LocalCluster.address(nameServer),
                                "brokerName",
                                "broker-a",
                                "mappedFileSizeCommitLog",
                                String.valueOf(SEGMENT_BYTES),
                                "maxMessageSize",
                                "8192",
                                "mappedFileSizeConsumeQueue",
                                String.valueOf(4 * 20),
                                "fileReservedTime",
                                "72",
                                "deleteWhen",
                                String.format("%02d", otherHour)))
                .withConfigFile(confFile);
        broker = cluster.startBroker(settings, Clock.system());
        address = LocalCluster.address(broker);
    }

    @Test
    void getBrokerConfigAnswersEveryEffectiveKeyWithTheDataVersion() {
        RemotingCommand response =
                call(RemotingCommand.request(RequestCode.GET_BROKER_CONFIG).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        Map<String, String> config = PropertiesText.decode(response.body());
        assertThat(config)
                .containsEntry("brokerName", "broker-a")
                .containsEntry("brokerClusterName", "DefaultCluster")
                .containsEntry("brokerId", "0")
                .containsEntry("brokerRole", "ASYNC_MASTER")
                .containsEntry("flushDiskType", "ASYNC_FLUSH")
                .containsEntry("listenPort", String.valueOf(broker.listenPort()))
                .containsEntry("haListenPort", String.valueOf(broker.haListenPort()))
                .containsEntry("namesrvAddr", "127.0.0.1:" + nameServer.listenPort())
                .containsEntry("storePathRootDir", storeDir.resolve("store").toString())
                .containsEntry("mappedFileSizeCommitLog", String.valueOf(SEGMENT_BYTES))
                .containsEntry("fileReservedTime", "72")
                .containsKeys("messageDelayLevel", "deleteWhen", "brokerPermission", "diskMaxUsedSpaceRatio");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .as("sorted key=value lines, as MixAll.properties2String writes")
                .startsWith("accessMessageInMemoryMaxRatio=40\naclEnable=false\nautoCreateSubscriptionGroup=true\n");
        DataVersion version =
                RemotingJson.decode(response.extField("version").getBytes(StandardCharsets.UTF_8), DataVersion.class);
        assertThat(version.counter()).isZero();
        assertThat(version.timestamp()).isPositive();
    }

    @Test
    void updateBrokerConfigAppliesRunTimeKeysWritesThemBackAndRefusesTheRestByName() throws IOException {
        RemotingCommand updated = updateConfig("fileReservedTime=12\ndeleteWhen=03;15\n");

        assertThat(updated.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(config()).containsEntry("fileReservedTime", "12").containsEntry("deleteWhen", "03;15");
        assertThat(broker.runtimeConfig().version().counter()).isEqualTo(1);
        assertThat(Files.readAllLines(confFile))
                .containsExactly(
                        "# written by the test", "brokerName=broker-a", "fileReservedTime=12", "deleteWhen=03;15");

        RemotingCommand fixed = updateConfig("fileReservedTime=1\nlistenPort=10999\n");
        assertThat(fixed.code()).isEqualTo(ResponseCode.NO_PERMISSION.code());
        assertThat(fixed.remark()).startsWith("key 'listenPort' cannot change at run time");
        RemotingCommand unknown = updateConfig("fileReservedTimes=1\n");
        assertThat(unknown.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(unknown.remark()).isEqualTo("unknown key 'fileReservedTimes'");
        RemotingCommand bad = updateConfig("fileReservedTime=1\ndeleteWhen=25\n");
        assertThat(bad.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(bad.remark()).startsWith("invalid value '25' for key 'deleteWhen'");
        assertThat(config()).as("nothing of a refused request applies").containsEntry("fileReservedTime", "12");
    }

    @Test
    void aReadOnlyBrokerPermissionRefusesSendsAndIsRegisteredAtOnce() {
        assertThat(send("Orders", 0, "").code()).isEqualTo(ResponseCode.SUCCESS.code());
        await().atMost(Duration.ofSeconds(5)).until(() -> routePerm("Orders") == 6);

        assertThat(updateConfig("brokerPermission=4").code()).isEqualTo(ResponseCode.SUCCESS.code());

        RemotingCommand refused = send("Orders", 0, "");
        assertThat(refused.code()).isEqualTo(ResponseCode.NO_PERMISSION.code());
        assertThat(refused.remark()).contains("sending message is forbidden");
        await().atMost(Duration.ofSeconds(5)).until(() -> routePerm("Orders") == 4);

        assertThat(updateConfig("brokerPermission=6").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(send("Orders", 0, "").code()).isEqualTo(ResponseCode.SUCCESS.code());
        await().atMost(Duration.ofSeconds(5)).until(() -> routePerm("Orders") == 6);
    }

    @Test
    void autoCreateTopicEnableTurnsTopicAutoCreationAndItsTemplateOffAndOnAtRunTime() {
        assertThat(broker.topics().find("TBW102")).isPresent();

        assertThat(updateConfig("autoCreateTopicEnable=false").code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(send("Fresh", 0, "").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        // as on RocketMQ, the NameServer keeps a topic a registration no longer lists; the broker's
        // table (what producers' auto-creation works from) loses the template
        assertThat(broker.topics().find("TBW102")).isEmpty();

        assertThat(updateConfig("autoCreateTopicEnable=true").code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(send("Fresh", 0, "").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(broker.topics().find("TBW102")).isPresent();
    }

    @Test
    void deleteExpiredCommitLogDeletesExpiredSegmentsNowWhateverTheHour() throws IOException {
        fillSegments(4);
        int segmentsBefore = files(storeDir.resolve("store/commitlog"));
        int queueFilesBefore = files(storeDir.resolve("store/consumequeue/Orders/0"));
        RemotingCommand notYet = call(
                RemotingCommand.request(RequestCode.DELETE_EXPIRED_COMMITLOG).build());
        assertThat(notYet.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(files(storeDir.resolve("store/commitlog")))
                .as("fileReservedTime=72: nothing is old enough")
                .isEqualTo(segmentsBefore);

        assertThat(updateConfig("fileReservedTime=0").code()).isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand deleted = call(
                RemotingCommand.request(RequestCode.DELETE_EXPIRED_COMMITLOG).build());

        assertThat(deleted.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(deleted.remark()).isNull();
        assertThat(deleted.hasBody()).isFalse();
        long lastSegmentStart = (broker.store().stats().commitLogMaxOffset() - 1) / SEGMENT_BYTES * SEGMENT_BYTES;
        assertThat(broker.store().stats().commitLogMinOffset())
                .as("every segment but the one being written is past fileReservedTime=0")
                .isEqualTo(lastSegmentStart)
                .isEqualTo(3L * SEGMENT_BYTES);
        assertThat(files(storeDir.resolve("store/commitlog"))).isEqualTo(segmentsBefore - 3);
        for (long start = 0; start < lastSegmentStart; start += SEGMENT_BYTES) {
            assertThat(storeDir.resolve("store/commitlog").resolve(String.format("%020d", start)))
                    .doesNotExist();
        }
        assertThat(files(storeDir.resolve("store/consumequeue/Orders/0")))
                .as("the queue files of the deleted records went with them")
                .isLessThan(queueFilesBefore);
    }

    @Test
    void cleanExpiredConsumeQueueDropsQueueFilesThatPointBelowTheCommitLog() throws IOException {
        fillSegments(4);
        Path queueDir = storeDir.resolve("store/consumequeue/Orders/0");
        broker.shutdown();
        // commit-log segments removed behind the broker's back; their queue files stay
        try (Stream<Path> segments = Files.list(storeDir.resolve("store/commitlog"))) {
            for (Path segment : segments.sorted().limit(2).toList()) {
                Files.delete(segment);
            }
        }
        startBroker();
        int queueFilesBefore = files(queueDir);

        RemotingCommand response = call(
                RemotingCommand.request(RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(files(queueDir)).isLessThan(queueFilesBefore);
        assertThat(queueDir.resolve("00000000000000000000")).doesNotExist();
        assertThat(broker.store().minOffset("Orders", 0)).isPositive();
    }

    @Test
    void cleanUnusedTopicDeletesTheQueuesOfDeletedTopicsOnly() {
        assertThat(send("Kept", 0, "").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(send("Gone", 0, "").code()).isEqualTo(ResponseCode.SUCCESS.code());
        Path queues = storeDir.resolve("store/consumequeue");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.isDirectory(queues.resolve("Gone")) && Files.isDirectory(queues.resolve("Kept")));
        RemotingCommand deleteTopic = call(RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER)
                .header(new DeleteTopicRequestHeader("Gone"))
                .build());
        assertThat(deleteTopic.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(queues.resolve("Gone"))
                .as("deleting a topic leaves its queues")
                .isDirectory();

        RemotingCommand response =
                call(RemotingCommand.request(RequestCode.CLEAN_UNUSED_TOPIC).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(queues.resolve("Gone")).doesNotExist();
        assertThat(queues.resolve("Kept")).isDirectory();
        assertThat(broker.store().maxOffset("Kept", 0)).isEqualTo(1);
    }

    @Test
    void queryConsumeQueueAnswersTheStoredEntriesInRocketMqsShape() {
        List<Long> physicOffsets = new ArrayList<>();
        for (String tag : List.of("TagA", "TagB", "TagC")) {
            RemotingCommand sent = send("Orders", 1, "TAGS\u0001" + tag + "\u0002");
            String offsetMsgId =
                    sent.decodeHeader(SendMessageResponseHeader::decode).msgId();
            physicOffsets.add(MessageId.decode(offsetMsgId).commitLogOffset());
        }
        LocalCluster.awaitQueueLength(broker, "Orders", 1, 3);

        RemotingCommand response = queryCq("Orders", 1, 1, 5, "offline-group");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        QueryConsumeQueueResponseBody body = RemotingJson.decode(response.body(), QueryConsumeQueueResponseBody.class);
        assertThat(body.minQueueIndex()).isZero();
        assertThat(body.maxQueueIndex()).isEqualTo(3);
        assertThat(body.subscriptionData()).isNull();
        assertThat(body.filterData()).isEqualTo("offline-group@Orders is not online!");
        assertThat(body.queueData())
                .extracting(ConsumeQueueData::physicOffset, ConsumeQueueData::tagsCode)
                .containsExactly(
                        tuple(physicOffsets.get(1), (long) "TagB".hashCode()),
                        tuple(physicOffsets.get(2), (long) "TagC".hashCode()));
        assertThat(body.queueData())
                .allSatisfy(entry -> assertThat(entry.physicSize()).isPositive());
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"physicOffset\":", "\"physicSize\":", "\"tagsCode\":", "\"maxQueueIndex\":3");

        RemotingCommand missing = queryCq("Nope", 3, 0, 5, null);
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(missing.remark()).isEqualTo("3@Nope is not exist!");
    }

    private RemotingCommand queryCq(String topic, int queueId, long index, int count, String group) {
        return call(RemotingCommand.request(RequestCode.QUERY_CONSUME_QUEUE)
                .header(new QueryConsumeQueueRequestHeader(topic, queueId, index, count, group))
                .build());
    }

    private Map<String, String> config() {
        return PropertiesText.decode(
                call(RemotingCommand.request(RequestCode.GET_BROKER_CONFIG).build())
                        .body());
    }

    private RemotingCommand updateConfig(String properties) {
        return call(RemotingCommand.request(RequestCode.UPDATE_BROKER_CONFIG)
                .body(properties.getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private int routePerm(String topic) {
        RemotingCommand response = client.invokeSync(
                "127.0.0.1:" + nameServer.listenPort(),
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build(),
                3_000);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            return -1;
        }
        return RemotingJson.decode(response.body(), TopicRouteData.class)
                .queueDatas()
                .get(0)
                .perm();
    }

    private void fillSegments(int segments) {
        while (broker.store().stats().commitLogMaxOffset() < (segments - 1L) * SEGMENT_BYTES + 1) {
            RemotingCommand sent = call(BrokerRequests.send("Orders", 0).body(BODY));
            assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
        }
        LocalCluster.awaitDispatched(broker);
    }

    private RemotingCommand send(String topic, int queueId, String properties) {
        return call(BrokerRequests.send(topic, queueId).properties(properties).body("hello"));
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(address, request, 5_000);
    }

    private static int files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }
}
