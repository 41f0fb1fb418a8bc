package io.couriermq.broker.replica;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.processor.ConsumerOffsetProcessor;
import io.couriermq.broker.processor.ReplicationMetadataProcessor;
import io.couriermq.broker.processor.SubscriptionGroupAdminProcessor;
import io.couriermq.broker.processor.TopicAdminProcessor;
import io.couriermq.broker.schedule.DelayProgress;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.TimerCheckpointBody;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A slave's sync against a master made of the real managers and processors, called directly (no
 * sockets); single answers are replaced to simulate failures.
 */
class MasterMetadataSyncTest {
    private static final String MASTER = "127.0.0.1:10911";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final Map<RequestCode, RequestProcessor> masterProcessors = new EnumMap<>(RequestCode.class);
    private final Map<RequestCode, UnaryOperator<RemotingCommand>> overrides = new EnumMap<>(RequestCode.class);
    private final List<RemotingCommand> sent = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private TopicConfigManager masterTopics;
    private SubscriptionGroupManager masterGroups;
    private ConsumerOffsetManager masterOffsets;
    private DelayProgress masterDelay;
    private SlaveMetadata slave;
    private String masterAddress = MASTER;
    private MasterMetadataSync sync;

    @BeforeEach
    void setUp() {
        Path masterDir = dir.resolve("master");
        masterTopics = new TopicConfigManager(AdminFixtures.config(), masterDir, clock);
        masterGroups = new SubscriptionGroupManager(AdminFixtures.config(), masterDir, clock);
        masterOffsets = new ConsumerOffsetManager(masterDir, clock);
        masterDelay = new DelayProgress(masterDir, clock);
        register(TopicAdminProcessor.CODES, new TopicAdminProcessor(masterTopics, masterOffsets));
        register(
                SubscriptionGroupAdminProcessor.CODES,
                new SubscriptionGroupAdminProcessor(masterGroups, masterOffsets));
        register(
                ConsumerOffsetProcessor.CODES,
                new ConsumerOffsetProcessor(masterTopics, masterOffsets, new TrackingStore(clock)));
        register(
                ReplicationMetadataProcessor.CODES,
                new ReplicationMetadataProcessor(
                        masterOffsets, masterDelay, () -> new TimerCheckpointBody(0, 0, 0, 0, null)));
        Path slaveDir = dir.resolve("slave");
        slave = new SlaveMetadata(
                new TopicConfigManager(AdminFixtures.config(), slaveDir, clock),
                new SubscriptionGroupManager(AdminFixtures.config(), slaveDir, clock),
                new ConsumerOffsetManager(slaveDir, clock),
                new DelayProgress(slaveDir, clock));
        sync = new MasterMetadataSync(this::invoke, () -> masterAddress, slave, clock, 1_000);
        masterTopics.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));
        masterGroups.findOrAutoCreate("billing");
        logger().addAppender(logged);
        logged.start();
    }

    @AfterEach
    void tearDown() {
        logger().detachAppender(logged);
    }

    @Test
    void aRoundCopiesTopicsGroupsOffsetsAndDelayProgress() {
        masterOffsets.commit("billing", "Orders", 2, 42);
        masterDelay.advance(3, 9);
        masterDelay.cancel(777);

        sync.syncOnce();

        assertThat(slave.topics().snapshot()).isEqualTo(masterTopics.snapshot());
        assertThat(slave.groups().snapshot()).isEqualTo(masterGroups.snapshot());
        assertThat(slave.offsets().committedOffset("billing", "Orders", 2)).hasValue(42);
        assertThat(slave.delayProgress().offset(3)).isEqualTo(9);
        assertThat(slave.delayProgress().isCancelled(777)).isTrue();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void unchangedVersionsRewriteNothing() throws Exception {
        sync.syncOnce();
        Path slaveDir = dir.resolve("slave");
        for (String file : List.of("topics.json", "subscriptionGroups.json", "delayOffset.json")) {
            Files.delete(slaveDir.resolve(file));
        }

        sync.syncOnce();

        assertThat(slaveDir.resolve("topics.json")).doesNotExist();
        assertThat(slaveDir.resolve("subscriptionGroups.json")).doesNotExist();
        assertThat(slaveDir.resolve("delayOffset.json")).doesNotExist();
        masterTopics.createOrUpdate(new TopicConfig("Invoices", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        sync.syncOnce();
        assertThat(slaveDir.resolve("topics.json")).exists();
        assertThat(slave.topics().find("Invoices")).isPresent();
    }

    @Test
    void aMalformedAnswerLeavesThatPartAloneAndLogsOneLine() {
        var before = slave.topics().snapshot();
        overrides.put(
                RequestCode.GET_ALL_TOPIC_CONFIG, request -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body("{\"topicConfigTable\":".getBytes(StandardCharsets.UTF_8))
                        .build());
        overrides.put(RequestCode.GET_ALL_CONSUMER_OFFSET, request -> RemotingCommand.responseTo(
                        request, ResponseCode.SYSTEM_ERROR)
                .remark("No consumer offset in this broker")
                .build());
        slave.offsets().applyMaster(Map.of("Orders@billing", Map.of(0, 5L)), 0);
        masterOffsets.commit("billing", "Orders", 0, 50);

        sync.syncOnce();
        sync.syncOnce();

        assertThat(slave.topics().snapshot()).isEqualTo(before);
        assertThat(slave.offsets().committedOffset("billing", "Orders", 0)).hasValue(5);
        assertThat(slave.groups().find("billing"))
                .as("the other parts still sync")
                .isPresent();
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
                .contains(MASTER, "topics:", "offsets:", "code 1"));

        overrides.clear();
        sync.syncOnce();
        assertThat(slave.offsets().committedOffset("billing", "Orders", 0)).hasValue(50);
    }

    @Test
    void anUnreachableMasterEndsTheRoundAfterOneRequest() {
        slave.topics().createOrUpdate(new TopicConfig("SlaveOnly", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        overrides.put(RequestCode.GET_ALL_TOPIC_CONFIG, request -> {
            throw new RemotingConnectException("connect to " + MASTER + " refused", null);
        });

        sync.syncOnce();

        assertThat(sent).hasSize(1);
        assertThat(slave.topics().find("SlaveOnly")).isPresent();
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
                .contains("unreachable"));
    }

    @Test
    void noRoundWithoutAMasterAddress() {
        masterAddress = null;

        sync.syncOnce();

        assertThat(sent).isEmpty();
    }

    @Test
    void aNewerLargerCommitOnTheSlaveIsKeptAndHandedBack() {
        masterOffsets.commit("billing", "Orders", 1, 10);
        sync.syncOnce();
        clock.advanceMillis(1_000);
        slave.offsets().commit("billing", "Orders", 1, 25); // a consumer that could not reach the master

        sync.syncOnce();

        assertThat(slave.offsets().committedOffset("billing", "Orders", 1)).hasValue(25);
        assertThat(masterOffsets.committedOffset("billing", "Orders", 1)).hasValue(25);
        RemotingCommand handBack = sent.stream()
                .filter(request -> request.code() == RequestCode.UPDATE_CONSUMER_OFFSET.code())
                .findFirst()
                .orElseThrow();
        assertThat(handBack.extFields())
                .containsEntry("consumerGroup", "billing")
                .containsEntry("topic", "Orders")
                .containsEntry("queueId", "1")
                .containsEntry("commitOffset", "25")
                .containsKey("handBackCommitTimeMs");
    }

    @Test
    void aResetOnTheMasterAfterTheSlavesCommitWins() {
        masterOffsets.commit("billing", "Orders", 1, 10);
        sync.syncOnce();
        clock.advanceMillis(1_000);
        slave.offsets().commit("billing", "Orders", 1, 25);
        clock.advanceMillis(1_000);
        masterOffsets.reset("billing", "Orders", 1, 2);

        sync.syncOnce();
        assertThat(masterOffsets.committedOffset("billing", "Orders", 1)).hasValue(2);
        sync.syncOnce();

        assertThat(slave.offsets().committedOffset("billing", "Orders", 1)).hasValue(2);
    }

    @Test
    void aFailedHandBackIsRepeatedNextRound() {
        sync.syncOnce();
        clock.advanceMillis(1_000);
        slave.offsets().commit("billing", "Orders", 0, 7);
        overrides.put(RequestCode.UPDATE_CONSUMER_OFFSET, request -> RemotingCommand.responseTo(
                        request, ResponseCode.SYSTEM_BUSY)
                .build());
        sync.syncOnce();
        assertThat(masterOffsets.committedOffset("billing", "Orders", 0)).isEmpty();
        overrides.clear();
        clock.advanceMillis(1_000);

        sync.syncOnce();

        assertThat(masterOffsets.committedOffset("billing", "Orders", 0)).hasValue(7);
        assertThat(slave.offsets().committedOffset("billing", "Orders", 0)).hasValue(7);
    }

    @Test
    void theMastersDataVersionBecomesTheSlaves() {
        sync.syncOnce();

        DataVersion version = slave.topics().dataVersion();

        assertThat(version).isEqualTo(masterTopics.dataVersion());
    }

    private RemotingCommand invoke(String address, RemotingCommand request) {
        assertThat(address).isEqualTo(MASTER);
        sent.add(request);
        RequestCode code = RequestCode.of(request.code());
        UnaryOperator<RemotingCommand> override = overrides.get(code);
        if (override != null) {
            return override.apply(request);
        }
        try {
            return masterProcessors.get(code).process(new AdminFixtures.DirectContext(), request);
        } catch (Exception e) {
            throw new IllegalStateException("the master's processor failed on " + code, e);
        }
    }

    private void register(List<RequestCode> codes, RequestProcessor processor) {
        codes.forEach(code -> masterProcessors.put(code, processor));
    }

    private List<String> warnings() {
        return logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(MasterMetadataSync.class);
    }
}
