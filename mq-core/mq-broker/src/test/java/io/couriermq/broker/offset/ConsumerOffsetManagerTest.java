package io.couriermq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetManagerTest {
    @TempDir
    Path dir;

    @Test
    void committedOffsetsSurviveARestartOncePersisted() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir);
        offsets.commit("billing", "Orders", 0, 42);
        offsets.commit("billing", "Orders", 3, 7);
        offsets.commit("audit", "Orders", 0, 1);
        offsets.persist();

        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(dir);

        assertThat(reloaded.committedOffset("billing", "Orders", 0)).hasValue(42);
        assertThat(reloaded.offsetsOf("billing", "Orders")).containsExactly(Map.entry(0, 42L), Map.entry(3, 7L));
        assertThat(reloaded.groupsOf("Orders")).containsExactly("audit", "billing");
        assertThat(reloaded.committedOffset("billing", "Orders", 1)).isEmpty();
    }

    @Test
    void persistWritesOnlyWhenSomethingChanged() throws Exception {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir);
        offsets.persist();
        assertThat(Files.exists(dir.resolve("consumerOffsets.json"))).isFalse();

        offsets.commit("billing", "Orders", 0, 1);
        offsets.persist();
        long written =
                Files.getLastModifiedTime(dir.resolve("consumerOffsets.json")).toMillis();
        Files.setLastModifiedTime(dir.resolve("consumerOffsets.json"), FileTime.fromMillis(0));
        offsets.persist();

        assertThat(Files.getLastModifiedTime(dir.resolve("consumerOffsets.json"))
                        .toMillis())
                .as("no rewrite without a change (was %d)", written)
                .isZero();
    }

    @Test
    void aNegativeOffsetIsRefused() {
        assertThatThrownBy(() -> new ConsumerOffsetManager(dir).commit("billing", "Orders", 0, -1))
                .hasMessageContaining("billing on Orders/0");
    }

    @Test
    void removingAGroupForgetsItsOffsets() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir);
        offsets.commit("billing", "Orders", 0, 5);

        offsets.removeGroup("billing");
        offsets.persist();

        assertThat(new ConsumerOffsetManager(dir).topicsOf("billing")).isEmpty();
    }
}
