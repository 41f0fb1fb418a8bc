package io.couriermq.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.store.file.FullDiskSwitch;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private IndexService newIndex(int slots, int entries) {
        IndexService index = new IndexService(dir, slots, entries, SegmentFiles.standard());
        index.load();
        return index;
    }

    @Test
    void findsOffsetsByKeyNewestFirstWithinTheTimeRange() {
        IndexService index = newIndex(8, 100);
        index.put("T", List.of("order-1"), "U1", 100, T0);
        index.put("T", List.of("order-2"), "U2", 200, T0 + 10_000);
        index.put("T", List.of("order-1", "x"), "U3", 300, T0 + 20_000);
        index.put("Other", List.of("order-1"), null, 400, T0 + 20_000);

        assertThat(index.query("T", "order-1", 10, 0, Long.MAX_VALUE)).containsExactly(300L, 100L);
        assertThat(index.query("T", "order-1", 1, 0, Long.MAX_VALUE)).containsExactly(300L);
        assertThat(index.query("T", "order-1", 10, T0 + 5_000, T0 + 25_000)).containsExactly(300L);
        assertThat(index.query("T", "U2", 10, 0, Long.MAX_VALUE)).containsExactly(200L);
        assertThat(index.query("T", "missing", 10, 0, Long.MAX_VALUE)).isEmpty();
        assertThat(index.lastUpdateCommitLogOffset()).isEqualTo(400);
        index.shutdown();
    }

    @Test
    void rollsToANewFileWhenFullAndSurvivesAReload() {
        IndexService index = newIndex(4, 3);
        for (int i = 0; i < 7; i++) {
            index.put("T", List.of("k"), null, i * 100L, T0 + i);
        }
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).hasSize(7);
        index.flush();
        index.shutdown();

        IndexService reloaded = newIndex(4, 3);
        assertThat(reloaded.query("T", "k", 100, 0, Long.MAX_VALUE))
                .containsExactly(600L, 500L, 400L, 300L, 200L, 100L, 0L);
        assertThat(reloaded.deleteBelow(450)).isEqualTo(1);
        assertThat(reloaded.query("T", "k", 100, 0, Long.MAX_VALUE)).containsExactly(600L, 500L, 400L, 300L);
        reloaded.shutdown();
    }

    @Test
    void aCrashTornChainEndsInsteadOfLooping() throws Exception {
        IndexService index = newIndex(1, 10);
        index.put("T", List.of("a"), null, 10, T0);
        index.put("T", List.of("a"), null, 20, T0);
        index.flush();
        index.shutdown();
        // A torn write: entry 2's "previous" link (header 40 + 1 slot + entry 1, then byte 16) points to itself.
        try (RandomAccessFile file =
                new RandomAccessFile(dir.resolve("00000000000000000010").toFile(), "rw")) {
            file.seek(IndexFile.HEADER_BYTES + IndexFile.SLOT_BYTES + IndexFile.ENTRY_BYTES + 16);
            file.writeInt(2);
        }
        IndexService reloaded = newIndex(1, 10);
        assertThat(reloaded.query("T", "a", 100, 0, Long.MAX_VALUE)).containsExactly(20L);
        reloaded.shutdown();
    }

    @Test
    void aFullDiskRefusesAnEntryBeforeWritingAnyOfItAndTheIndexGoesOnWhenSpaceReturns() {
        FullDiskSwitch disk = new FullDiskSwitch();
        IndexService index = new IndexService(dir, 16, 10_000, disk.files());
        index.load();
        index.put("T", List.of(), "U0", 0, T0);
        disk.fill();
        int stored = 1;
        StoreIoException refused = null;
        while (refused == null) {
            try {
                index.put("T", List.of("k"), null, stored * 100L, T0);
                stored++;
            } catch (StoreIoException e) {
                refused = e;
            }
        }

        assertThat(refused.getMessage()).startsWith("disk full").contains(dir.toString());
        assertThat(stored).as("entries in the space allocated ahead").isGreaterThan(3_000);
        assertThat(index.query("T", "k", 20_000, 0, Long.MAX_VALUE)).hasSize(stored - 1);
        disk.free();
        index.put("T", List.of("k"), null, stored * 100L, T0);
        assertThat(index.query("T", "k", 20_000, 0, Long.MAX_VALUE)).hasSize(stored);
        index.shutdown();

        IndexService reloaded = new IndexService(dir, 16, 10_000, disk.files());
        reloaded.load();
        reloaded.put("T", List.of("k"), null, (stored + 1) * 100L, T0);
        assertThat(reloaded.query("T", "k", 20_000, 0, Long.MAX_VALUE))
                .as("allocating the slot table again kept its content")
                .hasSize(stored + 1);
        assertThat(reloaded.query("T", "U0", 10, 0, Long.MAX_VALUE)).containsExactly(0L);
        reloaded.shutdown();
    }
}
