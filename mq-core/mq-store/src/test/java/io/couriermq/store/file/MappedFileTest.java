package io.couriermq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @TempDir
    Path dir;

    @Test
    void publishedBytesAreReadableAndForcedToTheFile() throws Exception {
        MappedFile file = MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 4096);
        file.writer().put(0, new byte[] {1, 2, 3});
        file.publishWritePosition(3);

        assertThat(file.slice(0, 3).get(2)).isEqualTo((byte) 3);
        assertThatThrownBy(() -> file.slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(file.flush()).isEqualTo(3);
        assertThat(file.flushedPosition()).isEqualTo(3);
        assertThat(Files.readAllBytes(dir.resolve("seg"))).hasSize(4096).startsWith(1, 2, 3);
        file.close();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aMappedSegmentHoldsNoFileDescriptorAndStillReservesAndPersists() throws Exception {
        long before = openDescriptors();
        List<MappedFile> segments = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            segments.add(MappedFile.open(SegmentFiles.standard(), dir.resolve("seg" + i), 0, 8192));
        }

        // other threads of the test JVM may open a few meanwhile; 500 open channels could not hide here
        assertThat(openDescriptors() - before).isLessThan(50);

        MappedFile last = segments.get(499);
        last.reserve(4097, 0);
        last.writer().put(4096, (byte) 7);
        last.publishWritePosition(4097);
        assertThat(last.flush()).isEqualTo(4097);
        assertThat(Files.readAllBytes(dir.resolve("seg499"))[4096]).isEqualTo((byte) 7);
        segments.forEach(MappedFile::close);
    }

    private static long openDescriptors() throws Exception {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    @Test
    void destroyWaitsForTheLastReaderBeforeUnmappingAndDeleting() {
        MappedFile file = MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 4096);
        file.writer().put(0, (byte) 42);
        file.publishWritePosition(1);
        assertThat(file.retain()).isTrue();
        ByteBuffer held = file.slice(0, 1);

        file.destroy();

        assertThat(file.retain()).as("no new readers after destroy").isFalse();
        assertThat(held.get(0)).as("the reader's mapping is still valid").isEqualTo((byte) 42);
        assertThat(dir.resolve("seg")).exists();
        file.release();
        assertThat(dir.resolve("seg")).doesNotExist();
        assertThat(file.isAvailable()).isFalse();
    }

    @Test
    void zeroFromClearsATornTail() {
        MappedFile file = MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 8192);
        for (int i = 0; i < 8192; i++) {
            file.writer().put(i, (byte) 7);
        }
        file.zeroFrom(100);
        file.resetPositions(100);
        assertThat(file.reader().get(99)).isEqualTo((byte) 7);
        assertThat(file.reader().get(100)).isZero();
        assertThat(file.reader().get(8191)).isZero();
        file.close();
    }

    @Test
    void refusesASegmentOfTheWrongSize() throws Exception {
        Files.write(dir.resolve("seg"), new byte[100]);
        assertThatThrownBy(() -> MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 4096))
                .isInstanceOf(StoreIoException.class)
                .hasMessageContaining("seg");
    }

    @Test
    void reservingWritesZerosOnlyPastTheWritePositionAndAPageAtATimeAtLeast() {
        MappedFile file = MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 16384);
        file.writer().put(0, new byte[] {1, 2, 3});
        file.publishWritePosition(3);
        file.writer().put(5000, (byte) 9); // unpublished: an append that never completed

        file.reserve(10, 0);

        assertThat(file.slice(0, 3).get(2)).as("published bytes kept").isEqualTo((byte) 3);
        assertThat(file.reader().get(5000))
                .as("beyond the first page: not touched yet")
                .isEqualTo((byte) 9);
        file.reserve(4097, 0);
        assertThat(file.reader().get(5000))
                .as("the second page was reserved with zeros")
                .isZero();
        file.close();
    }

    @Test
    void aFailedReservationChangesNothingAndIsRetriedOnceSpaceReturns() {
        FullDiskSwitch disk = new FullDiskSwitch();
        MappedFile file = MappedFile.open(disk.files(), dir.resolve("seg"), 0, 16384);
        file.reserve(100, 0);
        disk.fill();

        int writes = disk.writes();
        file.reserve(4000, 0); // within the page already reserved: no write needed
        assertThat(disk.writes()).isEqualTo(writes);
        assertThatThrownBy(() -> file.reserve(4097, 4096))
                .isInstanceOf(StoreIoException.class)
                .hasMessageStartingWith("disk full: no space for bytes 4096..8192 of " + dir.resolve("seg"));
        assertThat(file.writePosition()).isZero();

        disk.free();
        file.reserve(4097, 0);
        assertThat(disk.writes()).as("the retry reached the disk").isGreaterThan(writes);
        file.close();
    }

    @Test
    void aSegmentMappedAgainDoesNotReserveThePageItsDataIsOnAgain() {
        List<Path> opened = new ArrayList<>();
        SegmentFiles counting = (path, sizeBytes) -> {
            opened.add(path);
            return SegmentFiles.standard().open(path, sizeBytes);
        };
        MappedFile first = MappedFile.open(counting, dir.resolve("seg"), 0, 16384);
        first.reserve(40, 0);
        first.writer().put(0, new byte[40]);
        first.publishWritePosition(40);
        first.close();

        MappedFile again = MappedFile.open(counting, dir.resolve("seg"), 0, 16384);
        again.resetPositions(40, 40);
        opened.clear();
        again.reserve(60, 0); // one more 20-byte entry on the same page
        assertThat(opened)
                .as("no second open of the file for the page it already has")
                .isEmpty();
        again.reserve(4097, 0);
        assertThat(opened).as("the next page is reserved as before").hasSize(1);
        again.close();
    }

    @Test
    void anExistingSegmentOpensWithoutCreatingAnythingAndAMissingOneWithItsDirectories() throws Exception {
        Path nested = dir.resolve("topic/0/seg");
        try (var created = SegmentFiles.standard().open(nested, 8192)) {
            assertThat(created.size()).isEqualTo(8192);
        }
        try (var existing = SegmentFiles.standard().open(nested, 4096)) {
            assertThat(existing.size()).as("an existing file keeps its size").isEqualTo(8192);
        }
    }

    @Test
    void allocatingKeepsWhatTheBytesHold() {
        MappedFile file = MappedFile.open(SegmentFiles.standard(), dir.resolve("seg"), 0, 3 << 20);
        file.writer().put(17, (byte) 5);
        file.writer().put((2 << 20) + 3, (byte) 6);

        file.allocate(0, 3 << 20);

        assertThat(file.reader().get(17)).isEqualTo((byte) 5);
        assertThat(file.reader().get((2 << 20) + 3)).isEqualTo((byte) 6);
        assertThat(file.reader().get(18)).isZero();
        file.close();
    }
}
