package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static io.couriermq.broker.admin.AdminFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.QueryMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.QueryMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.ViewMessageRequestHeader;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.engine.FileMessageStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryMessageProcessorTest {
    private static final long START_MS = 1_700_000_000_000L;

    private final ManualClock clock = new ManualClock(START_MS);
    private final TrackingStore store = new TrackingStore(clock);
    private final QueryMessageProcessor processor = new QueryMessageProcessor(store);

    @Test
    void aKeyQueryAnswersTheStoredRecordsNewestFirstWithoutACopy() {
        store.put(message("Orders", 0, "order-1 shared", null));
        clock.advanceMillis(10);
        store.put(message("Orders", 1, "order-2", null));
        store.put(message("Orders", 2, "shared", null));
        long newestOffset =
                store.putMessage(message("Other", 0, "shared", null)).join().firstCommitLogOffset();

        RemotingCommand response = process(query("Orders", "shared", 64, false));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.bufferBody()).as("zero-copy body").isNotNull();
        QueryMessageResponseHeader index = response.decodeHeader(QueryMessageResponseHeader::decode);
        assertThat(index.indexLastUpdateTimestamp()).isEqualTo(START_MS + 10);
        assertThat(index.indexLastUpdatePhyoffset())
                .as("the newest indexed record")
                .isEqualTo(newestOffset);
        List<StoredMessage> messages = decode(response);
        assertThat(messages).extracting(m -> m.message().queueId()).containsExactly(2, 0);
        assertThat(messages).allSatisfy(m -> assertThat(m.message().topic()).isEqualTo("Orders"));
        assertThat(store.openSlices()).as("pinned until written").isEqualTo(2);

        response.releaseBody();

        assertThat(store.openSlices()).isZero();
    }

    @Test
    void nothingFoundIsQueryNotFoundWithTheIndexHeaderAndNothingPinned() {
        store.put(message("Orders", 0, "k", null));

        RemotingCommand outOfRange = process(request(
                RequestCode.QUERY_MESSAGE, new QueryMessageRequestHeader("Orders", "k", 32, 0, START_MS - 1, false)));
        RemotingCommand unknownKey = process(query("Orders", "nope", 32, false));

        for (RemotingCommand response : List.of(outOfRange, unknownKey)) {
            assertThat(response.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
            assertThat(response.decodeHeader(QueryMessageResponseHeader::decode).indexLastUpdateTimestamp())
                    .isEqualTo(START_MS);
            assertThat(response.hasBody()).isFalse();
        }
        assertThat(store.openSlices()).isZero();
    }

    @Test
    void keyQueriesAreCappedAt64AndUniqueKeyQueriesAnswerUpTo32() {
        for (int i = 0; i < 70; i++) {
            store.put(message("Orders", 0, "k", "UNIQ-1"));
        }

        RemotingCommand byKey = process(query("Orders", "k", 1_000, false));
        RemotingCommand byUniqueKey = process(query("Orders", "UNIQ-1", 1, true));

        assertThat(decode(byKey)).hasSize(QueryMessageProcessor.MAX_KEY_RESULTS);
        assertThat(decode(byUniqueKey)).hasSize(QueryMessageProcessor.MAX_UNIQUE_KEY_RESULTS);
        byKey.releaseBody();
        byUniqueKey.releaseBody();
        assertThat(store.openSlices()).isZero();
    }

    @Test
    void aNonPositiveMaxNumIsRefused() {
        RemotingCommand response = process(query("Orders", "k", 0, false));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("maxNum");
    }

    @Test
    void viewByIdAnswersTheRecordAtTheOffsetAndReleasesItAfterUse() {
        store.put(message("Orders", 0, "first", null));
        long secondOffset =
                store.putMessage(message("Orders", 3, "second", null)).join().firstCommitLogOffset();
        int before = store.slicesHandedOut();

        RemotingCommand response = process(view(secondOffset));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        List<StoredMessage> messages = decode(response);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.commitLogOffset()).isEqualTo(secondOffset);
            assertThat(m.message().queueId()).isEqualTo(3);
        });
        response.releaseBody();
        assertThat(store.slicesHandedOut()).isEqualTo(before + 1);
        assertThat(store.openSlices()).isZero();
    }

    @Test
    void viewByIdOfAnOffsetWithoutAMessageIsASystemError() {
        store.put(message("Orders", 0, "first", null));

        for (long offset : new long[] {-1, 1, 1_000_000}) {
            RemotingCommand response = process(view(offset));
            assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
            assertThat(response.remark()).isEqualTo("no message at offset " + offset);
        }
        assertThat(store.openSlices()).isZero();
    }

    @Test
    void viewByIdOnTheFileStoreRefusesAnOffsetInsideARecord(@TempDir Path dir) {
        StoreConfig config = StoreConfig.builder(dir)
                .mappedFileSizeCommitLog(64 * 1024)
                .mappedFileSizeConsumeQueue(100 * 20)
                .maxMessageSize(16 * 1024)
                .maxHashSlotNum(64)
                .maxIndexNum(1_000)
                .timeZone(ZoneOffset.UTC)
                .build();
        try (MessageStore fileStore = FileMessageStore.open(config, clock)) {
            PutResult first =
                    fileStore.putMessage(message("Orders", 0, "a", null)).join();
            fileStore.putMessage(message("Orders", 0, "b", null)).join();
            long offset = first.firstCommitLogOffset();
            QueryMessageProcessor fileProcessor = new QueryMessageProcessor(fileStore);

            RemotingCommand found = fileProcessor.process(new AdminFixtures.DirectContext(), view(offset));
            RemotingCommand inside = fileProcessor.process(new AdminFixtures.DirectContext(), view(offset + 8));

            assertThat(decode(found)).singleElement().satisfies(m -> assertThat(m.commitLogOffset())
                    .isEqualTo(offset));
            found.releaseBody();
            assertThat(inside.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        }
    }

    private static RemotingCommand query(String topic, String key, int maxNum, boolean uniqueKey) {
        return request(
                RequestCode.QUERY_MESSAGE,
                new QueryMessageRequestHeader(topic, key, maxNum, 0, Long.MAX_VALUE, uniqueKey));
    }

    private static RemotingCommand view(long offset) {
        return request(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(offset, null));
    }

    /** Decodes the body as the client does: records back to back until the buffer ends. */
    private static List<StoredMessage> decode(RemotingCommand response) {
        assertThat(response.code()).as(response.toString()).isEqualTo(ResponseCode.SUCCESS.code());
        ByteBuffer body = ByteBuffer.allocate(response.bodyLength());
        response.bufferBody().buffers().forEach(body::put);
        return MessageDecoder.decodeAll(body.flip());
    }

    private RemotingCommand process(RemotingCommand request) {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }
}
