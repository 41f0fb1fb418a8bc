package io.couriermq.store.read;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.index.IndexService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lookup by key: the index proposes commit-log offsets, and each candidate is checked against the record
 * itself (topic, KEYS, UNIQ_KEY, store time), so hash collisions and index entries left by a crash never
 * surface, and the time range is exact to the millisecond although the index keeps whole seconds.
 */
public final class KeyQuery {
    private final CommitLog commitLog;
    private final IndexService index;

    public KeyQuery(CommitLog commitLog, IndexService index) {
        this.commitLog = commitLog;
        this.index = index;
    }

    public QueryResult query(String topic, String key, int maxCount, long beginMs, long endMs) {
        List<RecordSlice> found = new ArrayList<>();
        for (long offset : index.query(topic, key, maxCount * 2, beginMs, endMs)) {
            if (found.size() >= maxCount) {
                break;
            }
            RecordSlice slice = commitLog.read(offset);
            if (slice != null && matches(slice, topic, key, beginMs, endMs)) {
                found.add(slice);
            } else if (slice != null) {
                slice.close();
            }
        }
        return new QueryResult(found, index.lastUpdateTimestampMs(), index.lastUpdateCommitLogOffset());
    }

    private static boolean matches(RecordSlice slice, String topic, String key, long beginMs, long endMs) {
        RecordView record = RecordView.at(slice.buffer(), 0);
        long storedAt = record.storeTimestampMs();
        if (storedAt < beginMs || storedAt > endMs || !record.topic().equals(topic)) {
            return false;
        }
        Map<String, String> properties = record.properties();
        return key.equals(properties.get(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY))
                || Message.splitKeys(properties.get(MessageConst.KEYS)).contains(key);
    }
}
