package io.couriermq.store.replication;

import static io.couriermq.store.StoreTestSupport.body;
import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.LogChunk;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.ReplicaAppendException;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying a master store's log into a replica store chunk by chunk, as the HA service does. */
class StoreReplicationTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final List<FileMessageStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(FileMessageStore::shutdown);
    }

    private FileMessageStore open(String name) {
        FileMessageStore store = FileMessageStore.open(
                StoreTestSupport.smallConfig(dir.resolve(name)).build(), clock);
        opened.add(store);
        return store;
    }

    private FileMessageStore replica(String name) {
        FileMessageStore store = open(name);
        store.replication().setReplicaMode(true);
        return store;
    }

    /** Copies everything the master has, in chunks of at most {@code batch} bytes; returns the chunk count. */
    private static int copy(CommitLogReplica master, CommitLogReplica replica, long from, int batch) {
        int chunks = 0;
        long offset = from;
        while (offset < master.maxOffset()) {
            try (LogChunk chunk = master.read(offset, batch)) {
                assertThat(chunk).isNotNull();
                assertThat(chunk.startOffset() / SEGMENT)
                        .as("a chunk never crosses a segment")
                        .isEqualTo((chunk.endOffset() - 1) / SEGMENT);
                offset = replica.append(offset, chunk.bytes());
                assertThat(offset).isEqualTo(chunk.endOffset());
                chunks++;
            }
        }
        return chunks;
    }

    private static void putAll(FileMessageStore store, String topic, int count, int bodyBytes) {
        String padding = "x".repeat(bodyBytes);
        for (int i = 0; i < count; i++) {
            PutResult result =
                    store.putMessage(message(topic, i % 2, i + ":" + padding)).join();
            assertThat(result.status()).isEqualTo(PutStatus.PUT_OK);
        }
    }

    private static List<String> bodies(FileMessageStore store, String topic, int queueId) {
        List<String> bodies = new ArrayList<>();
        long offset = store.minOffset(topic, queueId);
        while (offset < store.maxOffset(topic, queueId)) {
            try (GetResult result = store.getMessages(topic, queueId, offset, 32, MessageFilter.ALL)) {
                assertThat(result.status()).isEqualTo(GetStatus.FOUND);
                for (RecordSlice slice : result.records()) {
                    bodies.add(body(slice).split(":")[0]);
                }
                offset = result.nextBeginOffset();
            }
        }
        return bodies;
    }

    @Test
    void aReplicaHoldsTheMastersLogByteForByteAndServesTheSameQueues() throws Exception {
        FileMessageStore master = open("master");
        putAll(master, "T", 300, 700); // ~ 3.5 segments
        FileMessageStore replica = replica("replica");

        int chunks = copy(master.replication(), replica.replication(), 0, 8 * 1024);

        assertThat(chunks).isGreaterThan(300 * 700 / (8 * 1024));
        assertThat(replica.replication().maxOffset())
                .isEqualTo(master.replication().maxOffset());
        await().until(() -> replica.maxOffset("T", 1) == master.maxOffset("T", 1));
        assertThat(bodies(replica, "T", 0)).isEqualTo(bodies(master, "T", 0));
        assertThat(bodies(replica, "T", 1)).hasSize(150);
        assertThat(segmentNames("replica")).isEqualTo(segmentNames("master"));
        try (RecordSlice onMaster = master.readRecord(0).orElseThrow();
                RecordSlice onReplica = replica.readRecord(0).orElseThrow()) {
            assertThat(onReplica.buffer()).isEqualTo(onMaster.buffer());
        }
    }

    @Test
    void anEmptyReplicaStartsAtTheMastersLastSegmentAndFillsTheQueueGapFromThere() {
        FileMessageStore master = open("master");
        putAll(master, "T", 300, 700);
        FileMessageStore replica = replica("replica");
        long lastSegmentStart =
                master.replication().maxOffset() - master.replication().maxOffset() % SEGMENT;

        copy(master.replication(), replica.replication(), lastSegmentStart, 32 * 1024);

        assertThat(replica.replication().minOffset()).isEqualTo(lastSegmentStart);
        await().until(() -> replica.maxOffset("T", 0) == master.maxOffset("T", 0));
        assertThat(replica.minOffset("T", 0)).isGreaterThan(0);
        List<String> tail = bodies(master, "T", 0);
        List<String> replicated = bodies(replica, "T", 0);
        assertThat(replicated).isNotEmpty().isEqualTo(tail.subList(tail.size() - replicated.size(), tail.size()));
    }

    @Test
    void bytesThatDoNotContinueTheLogAreRefusedAndNothingIsWritten() {
        FileMessageStore master = open("master");
        putAll(master, "T", 10, 100);
        FileMessageStore replica = replica("replica");
        CommitLogReplica log = replica.replication();
        try (LogChunk chunk = master.replication().read(0, 1024)) {
            assertThatThrownBy(() -> log.append(100, chunk.bytes()))
                    .isInstanceOf(ReplicaAppendException.class)
                    .hasMessageContaining("segment boundary");
            log.append(0, chunk.bytes());
            assertThatThrownBy(() -> log.append(0, chunk.bytes()))
                    .isInstanceOf(ReplicaAppendException.class)
                    .hasMessageContaining("do not continue the log at 1024");
        }
        assertThat(log.maxOffset()).isEqualTo(1024);
        ByteBuffer tooLong = ByteBuffer.allocate(SEGMENT);
        assertThatThrownBy(() -> log.append(1024, tooLong)).hasMessageContaining("cross the end of segment");
        assertThat(log.maxOffset()).isEqualTo(1024);
    }

    @Test
    void aReplicaTakesNoPutsAndAMasterTakesNoReplicatedBytes() {
        FileMessageStore replica = replica("replica");
        PutResult refused = replica.putMessage(message("T", 0, "local")).join();
        assertThat(refused.status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(refused.detail()).contains("replica");
        assertThat(refused.isStored()).isFalse();

        FileMessageStore master = open("master");
        assertThatThrownBy(() -> master.replication().append(0, ByteBuffer.allocate(10)))
                .isInstanceOf(ReplicaAppendException.class);
    }

    @Test
    void truncationRemovesRecordsAndTheirQueueEntriesAndTheLogContinuesFromThere() {
        FileMessageStore master = open("master");
        putAll(master, "T", 40, 100);
        FileMessageStore replica = replica("replica");
        copy(master.replication(), replica.replication(), 0, 4096);
        await().until(() -> replica.maxOffset("T", 0) == 20);
        long cut;
        try (GetResult tenth = replica.getMessages("T", 0, 10, 1, MessageFilter.ALL)) {
            cut = tenth.records().get(0).commitLogOffset();
        }

        replica.replication().truncateFrom(cut);

        assertThat(replica.replication().maxOffset()).isEqualTo(cut);
        assertThat(replica.maxOffset("T", 0)).isEqualTo(10);
        assertThat(replica.maxOffset("T", 1)).isEqualTo(10);
        assertThat(replica.readRecord(cut)).isEmpty();
        // the master's bytes from the cut on are appended again and dispatched again
        copy(master.replication(), replica.replication(), cut, 4096);
        await().until(() -> replica.maxOffset("T", 0) == 20);
        assertThat(bodies(replica, "T", 0)).isEqualTo(bodies(master, "T", 0));
        assertThatThrownBy(() ->
                        replica.replication().truncateFrom(replica.replication().maxOffset() + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendListenersHearEveryLocalPut() {
        FileMessageStore master = open("master");
        List<Long> ends = new ArrayList<>();
        master.replication().addAppendListener(ends::add);
        putAll(master, "T", 3, 10);
        assertThat(ends).hasSize(3).isSorted();
        assertThat(ends.get(2)).isEqualTo(master.replication().maxOffset());
    }

    @Test
    void aReplicaThatCrashedRecoversItsCopyAndContinues() {
        FileMessageStore master = open("master");
        putAll(master, "T", 50, 300);
        FileMessageStore replica = replica("replica");
        copy(master.replication(), replica.replication(), 0, 2048);
        long copied = replica.replication().maxOffset();
        replica.halt();
        opened.remove(replica);

        FileMessageStore reopened = replica("replica");
        assertThat(reopened.replication().maxOffset()).isEqualTo(copied);
        putAll(master, "T", 10, 300);
        copy(master.replication(), reopened.replication(), copied, 2048);
        await().until(() -> reopened.maxOffset("T", 0) == 30);
        assertThat(bodies(reopened, "T", 0)).isEqualTo(bodies(master, "T", 0));
    }

    private List<String> segmentNames(String store) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(store).resolve("commitlog"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
