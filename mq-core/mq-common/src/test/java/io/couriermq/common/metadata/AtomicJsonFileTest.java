package io.couriermq.common.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class AtomicJsonFileTest {
    private static final TypeReference<Map<String, Long>> OFFSETS = new TypeReference<>() {};

    @TempDir
    Path dir;

    @Test
    void writesReadablyAndKeepsThePreviousVersionAsBackup() throws Exception {
        AtomicJsonFile file = new AtomicJsonFile(dir.resolve("offsets.json"));
        file.write(Map.of("q0", 1L));
        file.write(Map.of("q0", 2L));

        assertThat(file.read(OFFSETS)).contains(Map.of("q0", 2L));
        assertThat(Files.readString(dir.resolve("offsets.json.bak"))).contains("\"q0\" : 1");
        assertThat(dir.resolve("offsets.json.tmp")).doesNotExist();
    }

    @Test
    void fallsBackToTheBackupWhenTheMainFileIsCorruptOrMissing() throws Exception {
        AtomicJsonFile file = new AtomicJsonFile(dir.resolve("offsets.json"));
        file.write(Map.of("q0", 1L));
        file.write(Map.of("q0", 2L));

        Files.writeString(dir.resolve("offsets.json"), "{\"q0\": 2"); // torn write
        assertThat(file.read(OFFSETS)).contains(Map.of("q0", 1L));

        Files.delete(dir.resolve("offsets.json")); // crash between the two renames
        assertThat(file.read(OFFSETS)).contains(Map.of("q0", 1L));
    }

    @Test
    void emptyWhenNeitherExistsAndAnErrorWhenBothAreUnreadable() throws Exception {
        AtomicJsonFile file = new AtomicJsonFile(dir.resolve("topics.json"));
        assertThat(file.read(OFFSETS)).isEmpty();

        Files.writeString(dir.resolve("topics.json"), "garbage");
        Files.writeString(dir.resolve("topics.json.bak"), "garbage");
        assertThatThrownBy(() -> file.read(OFFSETS))
                .isInstanceOf(MetadataFileException.class)
                .hasMessageContaining("topics.json");
    }
}
