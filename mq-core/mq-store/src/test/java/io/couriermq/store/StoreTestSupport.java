package io.couriermq.store;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;

/** Small stores and messages for tests. */
public final class StoreTestSupport {
    public static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);
    public static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 50000);

    private StoreTestSupport() {}

    /** 64 KiB commit-log segments, 100-entry consume-queue segments, a small index. */
    public static StoreConfig.Builder smallConfig(Path root) {
        return StoreConfig.builder(root)
                .mappedFileSizeCommitLog(64 * 1024)
                .mappedFileSizeConsumeQueue(100 * 20)
                .maxMessageSize(16 * 1024)
                .maxHashSlotNum(64)
                .maxIndexNum(1_000)
                .flushIntervalCommitLog(50)
                .flushIntervalConsumeQueue(60_000)
                .cleanResourceInterval(3_600_000)
                .timeZone(ZoneOffset.UTC);
    }

    public static Message message(String topic, int queueId, String body) {
        return Message.builder(topic, queueId)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .bornHost(BORN_HOST)
                .storeHost(STORE_HOST)
                .bornTimestampMs(1_000)
                .build();
    }

    public static Message message(String topic, int queueId, String body, String tags, String keys) {
        return message(topic, queueId, body).toBuilder().tags(tags).keys(keys).build();
    }

    public static StoredMessage decode(RecordSlice slice) {
        return MessageDecoder.decode(slice.buffer(), 0);
    }

    public static String body(RecordSlice slice) {
        return new String(decode(slice).message().bodyBytes(), StandardCharsets.UTF_8);
    }
}
