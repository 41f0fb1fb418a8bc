package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static io.couriermq.broker.admin.AdminFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.offset.LocalCommit;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.broker.BoundaryType;
import io.couriermq.remoting.protocol.header.broker.GetEarliestMsgStoretimeRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetEarliestMsgStoretimeResponseHeader;
import io.couriermq.remoting.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMinOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SearchOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetProcessorTest {
    private static final long START_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START_MS);
    private final TrackingStore store = new TrackingStore(clock);
    private ConsumerOffsetManager offsets;
    private ConsumerOffsetProcessor processor;

    @BeforeEach
    void setUp() {
        TopicConfigManager topics = new TopicConfigManager(AdminFixtures.config(), dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));
        offsets = new ConsumerOffsetManager(dir, clock);
        processor = new ConsumerOffsetProcessor(topics, offsets, store);
    }

    @Test
    void aCommittedOffsetIsWhatTheQueryAnswers() {
        RemotingCommand update = process(request(
                RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetRequestHeader("cg", "Orders", 1, 42, "b")));

        assertThat(update.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.committedOffset("cg", "Orders", 1)).hasValue(42);
        assertThat(offsetOf(process(query(null)))).isEqualTo(42);
    }

    @Test
    void aOnewayUpdateIsStoredAndNotAnswered() {
        RemotingCommand update = request(
                        RequestCode.UPDATE_CONSUMER_OFFSET,
                        new UpdateConsumerOffsetRequestHeader("cg", "Orders", 1, 7, null))
                .asOneway();

        assertThat(process(update)).isNull();
        assertThat(offsets.committedOffset("cg", "Orders", 1)).hasValue(7);
    }

    @Test
    void aNegativeCommitIsRefusedAndNotStored() {
        RemotingCommand response = process(request(
                RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader("cg", "Orders", 1, -5, null)));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("Orders", "queue 1", "-5");
        assertThat(offsets.committedOffset("cg", "Orders", 1)).isEmpty();
    }

    @Test
    void withoutAnOffsetAYoungQueueThatHoldsItsFirstMessageStartsAtZero() {
        store.put(message("Orders", 1, null, null));

        RemotingCommand response = process(query(null));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsetOf(response)).isZero();
    }

    @Test
    void withoutAnOffsetTheQueryIsNotFoundWhenTheZeroRuleDoesNotApply() {
        assertThat(process(query(null)).code()).as("empty queue").isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());

        store.put(message("Orders", 1, null, null));
        assertThat(process(query(false)).code())
                .as("setZeroIfNotFound=false")
                .isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());

        store.put(message("Orders", 1, null, null));
        store.raiseMinOffset(1);
        assertThat(process(query(null)).code())
                .as("the first message is gone")
                .isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
        assertThat(process(query(true)).code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
    }

    @Test
    void maxAndMinOffsetsComeFromTheStore() {
        for (int i = 0; i < 3; i++) {
            store.put(message("Orders", 2, null, null));
        }
        store.raiseMinOffset(1);

        assertThat(offsetOf(process(
                        request(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("Orders", 2, true, null)))))
                .isEqualTo(3);
        assertThat(offsetOf(
                        process(request(RequestCode.GET_MIN_OFFSET, new GetMinOffsetRequestHeader("Orders", 2, null)))))
                .isEqualTo(1);
        assertThat(offsetOf(process(
                        request(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("Orders", 3, true, null)))))
                .as("an existing queue without messages")
                .isZero();
    }

    @Test
    void lowerFindsTheFirstMessageAtOrAfterAndUpperTheLastAtOrBefore() {
        // offsets 0 and 1 at +0 ms, 2 at +100 ms, 3 at +200 ms
        store.put(message("Orders", 0, null, null));
        store.put(message("Orders", 0, null, null));
        clock.advanceMillis(100);
        store.put(message("Orders", 0, null, null));
        clock.advanceMillis(100);
        store.put(message("Orders", 0, null, null));

        assertThat(search(START_MS, BoundaryType.LOWER)).isEqualTo(0);
        assertThat(search(START_MS, BoundaryType.UPPER)).isEqualTo(1);
        assertThat(search(START_MS + 50, BoundaryType.LOWER)).isEqualTo(2);
        assertThat(search(START_MS + 50, BoundaryType.UPPER)).isEqualTo(1);
        assertThat(search(START_MS + 100, BoundaryType.LOWER)).isEqualTo(2);
        assertThat(search(START_MS + 100, BoundaryType.UPPER)).isEqualTo(2);
        assertThat(search(START_MS - 1, BoundaryType.LOWER))
                .as("before everything")
                .isEqualTo(0);
        assertThat(search(START_MS - 1, BoundaryType.UPPER))
                .as("before everything: min")
                .isEqualTo(0);
        assertThat(search(START_MS + 999, BoundaryType.LOWER))
                .as("after everything: max")
                .isEqualTo(4);
        assertThat(search(START_MS + 999, BoundaryType.UPPER))
                .as("after everything: last")
                .isEqualTo(3);
        assertThat(search(Long.MAX_VALUE, BoundaryType.UPPER)).isEqualTo(3);
    }

    @Test
    void searchingAnEmptyQueueAnswersItsOnlyOffset() {
        assertThat(search(START_MS, BoundaryType.LOWER)).isZero();
        assertThat(search(START_MS, BoundaryType.UPPER)).isZero();
    }

    @Test
    void theEarliestStoreTimeIsThatOfTheOldestKeptMessage() {
        RemotingCommand empty = process(earliest(0));
        assertThat(empty.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(empty.decodeHeader(GetEarliestMsgStoretimeResponseHeader::decode)
                        .timestamp())
                .isEqualTo(-1);

        store.put(message("Orders", 0, null, null));
        clock.advanceMillis(10);
        store.put(message("Orders", 0, null, null));
        store.raiseMinOffset(1);

        assertThat(process(earliest(0))
                        .decodeHeader(GetEarliestMsgStoretimeResponseHeader::decode)
                        .timestamp())
                .isEqualTo(START_MS + 10);
    }

    @Test
    void aQueueTheTopicDoesNotHaveIsASystemErrorNamingTopicAndQueue() {
        for (int queueId : new int[] {-1, 4, 99}) {
            for (RemotingCommand request : requestsFor("Orders", queueId)) {
                RemotingCommand response = process(request);
                assertThat(response.code()).as(request.toString()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
                assertThat(response.remark()).contains("Orders", "queue " + queueId);
            }
        }
        assertThat(offsets.topicsOf("cg")).as("nothing committed").isEmpty();
    }

    @Test
    void anUnknownTopicIsTopicNotExist() {
        for (RemotingCommand request : requestsFor("Nope", 0)) {
            RemotingCommand response = process(request);
            assertThat(response.code()).as(request.toString()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
            assertThat(response.remark()).contains("Nope");
        }
    }

    @Test
    void aMissingRequiredFieldIsReportedByName() {
        RemotingCommand bad = RemotingCommand.request(RequestCode.GET_MAX_OFFSET)
                .extField("topic", "Orders")
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> process(bad)).hasMessageContaining("queueId");
    }

    private List<RemotingCommand> requestsFor(String topic, int queueId) {
        List<CommandHeader> headers = List.of(
                new QueryConsumerOffsetRequestHeader("cg", topic, queueId, null, null),
                new UpdateConsumerOffsetRequestHeader("cg", topic, queueId, 1, null),
                new GetMaxOffsetRequestHeader(topic, queueId, true, null),
                new GetMinOffsetRequestHeader(topic, queueId, null),
                new SearchOffsetRequestHeader(topic, queueId, START_MS, BoundaryType.LOWER, null),
                new GetEarliestMsgStoretimeRequestHeader(topic, queueId));
        return java.util.stream.IntStream.range(0, headers.size())
                .mapToObj(i -> request(ConsumerOffsetProcessor.CODES.get(i), headers.get(i)))
                .toList();
    }

    private RemotingCommand query(Boolean setZeroIfNotFound) {
        return request(
                RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader("cg", "Orders", 1, setZeroIfNotFound, "b"));
    }

    private RemotingCommand earliest(int queueId) {
        return request(
                RequestCode.GET_EARLIEST_MSG_STORETIME, new GetEarliestMsgStoretimeRequestHeader("Orders", queueId));
    }

    private long search(long timestampMs, BoundaryType boundary) {
        RemotingCommand response = process(request(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader("Orders", 0, timestampMs, boundary, null)));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return offsetOf(response);
    }

    private static long offsetOf(RemotingCommand response) {
        assertThat(response.code()).as(response.toString()).isEqualTo(ResponseCode.SUCCESS.code());
        return response.decodeHeader(OffsetResponseHeader::decode).offset();
    }

    @Test
    void aHandBackOnlyMovesForwardWhileAClientCommitMayMoveBack() {
        offsets.commit("cg", "Orders", 1, 100);

        process(handBack(90, clock.millis()));
        assertThat(offsets.committedOffset("cg", "Orders", 1)).hasValue(100);
        process(handBack(120, clock.millis()));
        assertThat(offsets.committedOffset("cg", "Orders", 1)).hasValue(120);
        process(request(
                RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetRequestHeader("cg", "Orders", 1, 5, "b")));
        assertThat(offsets.committedOffset("cg", "Orders", 1))
                .as("official commit")
                .hasValue(5);
    }

    @Test
    void aHandBackOlderThanAnAdminResetIsIgnored() {
        long slaveCommitMs = clock.millis();
        clock.advanceMillis(1_000);
        offsets.reset("cg", "Orders", 1, 3);

        RemotingCommand response = process(handBack(500, slaveCommitMs));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(offsets.committedOffset("cg", "Orders", 1)).hasValue(3);
    }

    private static RemotingCommand handBack(long offset, long committedAtMs) {
        return RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                .header(new UpdateConsumerOffsetRequestHeader("cg", "Orders", 1, offset, null))
                .extField(LocalCommit.HAND_BACK_FIELD, Long.toString(committedAtMs))
                .build();
    }

    private RemotingCommand process(RemotingCommand request) {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }
}
