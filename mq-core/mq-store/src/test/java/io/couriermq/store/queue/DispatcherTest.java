package io.couriermq.store.queue;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.DispatchedEntry;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.commitlog.QueueOffsetTable;
import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.index.IndexService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {
    @TempDir
    Path dir;

    private MappedFileQueue segments;
    private CommitLog commitLog;
    private ConsumeQueueTable queues;
    private IndexService index;
    private Dispatcher dispatcher;
    private final List<DispatchedEntry> dispatched = new ArrayList<>();

    @BeforeEach
    void setUp() {
        segments = new MappedFileQueue(dir.resolve("commitlog"), 4096, SegmentFiles.standard(), null);
        commitLog = new CommitLog(segments, new QueueOffsetTable(), new ManualClock(5_000), 2048);
        queues = new ConsumeQueueTable(dir.resolve("cq"), 2000, SegmentFiles.standard());
        index = new IndexService(dir.resolve("index"), 16, 100, SegmentFiles.standard());
        dispatcher = new Dispatcher(commitLog, queues, index, 1_000);
        dispatcher.addListener(dispatched::add);
    }

    @AfterEach
    void tearDown() {
        queues.shutdown();
        index.shutdown();
        segments.shutdown();
    }

    @Test
    void writesQueueAndIndexEntriesAcrossSegmentsAndTellsListeners() {
        for (int i = 0; i < 10; i++) {
            commitLog.append(message("T", i % 2, "x".repeat(700), "Tag" + i, "key" + i));
        }
        assertThat(segments.segments()).hasSizeGreaterThan(1);

        assertThat(dispatcher.dispatchUpTo(commitLog.maxOffset())).isEqualTo(10);

        assertThat(dispatcher.dispatchedOffset()).isEqualTo(commitLog.maxOffset());
        assertThat(queues.find("T", 0).maxOffset()).isEqualTo(5);
        assertThat(queues.find("T", 1).maxOffset()).isEqualTo(5);
        assertThat(dispatched).hasSize(10);
        assertThat(dispatched.get(3).tagsHash()).isEqualTo("Tag3".hashCode());
        assertThat(dispatched.get(3).storeTimestampMs()).isEqualTo(5_000);
        assertThat(index.query("T", "key7", 10, 0, Long.MAX_VALUE))
                .containsExactly(dispatched.get(7).commitLogOffset());
    }

    @Test
    void reDispatchingFromAnEarlierOffsetChangesNothing() {
        for (int i = 0; i < 4; i++) {
            commitLog.append(message("T", 0, "m" + i));
        }
        dispatcher.dispatchUpTo(commitLog.maxOffset());
        dispatcher.resetDispatchedOffset(0);

        assertThat(dispatcher.dispatchUpTo(commitLog.maxOffset())).isEqualTo(4);
        assertThat(queues.find("T", 0).maxOffset()).isEqualTo(4);
        assertThat(dispatched).as("listeners hear each entry once").hasSize(4);
    }
}
