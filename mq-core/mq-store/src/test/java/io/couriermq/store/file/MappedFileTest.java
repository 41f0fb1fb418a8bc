package io.couriermq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
