package io.couriermq.store.engine;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.FullDiskSwitch;
import io.couriermq.store.file.MappedFileQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up between two samples of its usage (no sample runs here): the next commit-log segment
 * exists, sparse, and has no blocks. Appends into it are refused before a byte is written, so the log
 * and the queue offsets stay where they were and the next append after space returns lands exactly there.
 */
class FullDiskAppendTest {
    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final String BODY = "x".repeat(3000);

    @TempDir
    Path dir;

    private final FullDiskSwitch disk = new FullDiskSwitch();
    private FileMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void anAppendWithoutBlocksIsRefusedNamingTheFileAndNothingIsWrittenOrSkipped() {
        StoreConfig config = StoreTestSupport.smallConfig(dir).build();
        store = FileMessageStore.open(config, new ManualClock(1_000), disk.files(), DiskSpace.standard());
        List<String> stored = new ArrayList<>();
        put(stored, "first");
        Path next = config.commitLogDir().resolve(MappedFileQueue.segmentName(SEGMENT_BYTES));
        await("the next segment is created ahead").atMost(Duration.ofSeconds(5)).until(() -> Files.exists(next));
        await("the queue files exist").atMost(Duration.ofSeconds(5)).until(() -> store.maxOffset("T", 0) == 1);

        disk.fill();
        PutResult refused;
        for (int i = 0; ; i++) {
            PutResult result = store.putMessage(message("T", 0, BODY + i)).join();
            if (result.status() != PutStatus.PUT_OK) {
                refused = result;
                break;
            }
            stored.add(BODY + i);
        }

        assertThat(refused.status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(refused.detail()).startsWith("disk full").contains(next.toString());
        assertThat(refused.records()).isEmpty();
        assertThat(store.putMessage(message("T", 0, "again")).join().status())
                .as("refused while the disk stays full")
                .isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(store.stats().commitLogMaxOffset())
                .as("the first segment, closed with a blank; nothing in the next")
                .isEqualTo(SEGMENT_BYTES);
        assertThat(store.stats().notWritableReason()).startsWith("disk full");

        disk.free();
        PutResult resumed = store.putMessage(message("T", 0, "after")).join();
        stored.add("after");
        assertThat(resumed.status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(resumed.records().get(0).commitLogOffset()).isEqualTo(SEGMENT_BYTES);
        assertThat(resumed.records().get(0).queueOffset())
                .as("no queue offset skipped")
                .isEqualTo(stored.size() - 1);
        assertThat(bodies(stored.size())).containsExactlyElementsOf(stored);

        store.halt();
        store = FileMessageStore.open(config, new ManualClock(2_000), disk.files(), DiskSpace.standard());
        assertThat(store.recoveryReport().afterCrash()).isTrue();
        assertThat(bodies(stored.size())).as("after a crash-like restart").containsExactlyElementsOf(stored);
    }

    private void put(List<String> stored, String body) {
        assertThat(store.putMessage(message("T", 0, body)).join().status()).isEqualTo(PutStatus.PUT_OK);
        stored.add(body);
    }

    private List<String> bodies(int expected) {
        await("every stored message is dispatched")
                .atMost(Duration.ofSeconds(5))
                .until(() -> store.maxOffset("T", 0) >= expected);
        List<String> bodies = new ArrayList<>();
        while (bodies.size() < store.maxOffset("T", 0)) {
            try (GetResult read = store.getMessages("T", 0, bodies.size(), 32, MessageFilter.ALL)) {
                assertThat(read.records())
                        .as("records from queue offset %d", bodies.size())
                        .isNotEmpty();
                for (RecordSlice slice : read.records()) {
                    bodies.add(StoreTestSupport.body(slice));
                }
            }
        }
        return bodies;
    }
}
