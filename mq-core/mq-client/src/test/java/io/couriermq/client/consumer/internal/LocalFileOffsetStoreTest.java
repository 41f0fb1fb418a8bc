package io.couriermq.client.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileOffsetStoreTest {
    @TempDir
    Path dir;

    private final MessageQueue q0 = new MessageQueue("T", "broker-a", 0);
    private final MessageQueue q1 = new MessageQueue("T", "broker-a", 1);

    @Test
    void offsetsSurviveARestart() throws Exception {
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "10.0.0.1@inst", "g");
        store.update(q0, 42, true);
        store.update(q1, 7, true);
        store.persistAll();

        assertThat(store.path())
                .isEqualTo(dir.resolve("10.0.0.1_inst")
                        .resolve("g")
                        .resolve("offsets.json")
                        .toAbsolutePath());
        assertThat(Files.readString(store.path())).contains("\"offset\" : 42");
        LocalFileOffsetStore reopened = new LocalFileOffsetStore(dir, "10.0.0.1@inst", "g");
        assertThat(reopened.readStored(q0)).isEqualTo(42);
        assertThat(reopened.readStored(q1)).isEqualTo(7);
    }

    @Test
    void increaseOnlyKeepsTheHigherOffset() {
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "c", "g");
        store.update(q0, 10, true);
        store.update(q0, 5, true);
        assertThat(store.readMemory(q0)).isEqualTo(10);
        store.update(q0, 5, false);
        assertThat(store.readMemory(q0)).isEqualTo(5);
    }

    @Test
    void anUnknownQueueHasNoOffsetAndNothingIsWrittenWithoutAChange() {
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "c", "g");
        assertThat(store.readStored(q0)).isEqualTo(-1);
        store.persistAll();
        assertThat(Files.exists(store.path())).isFalse();
    }

    @Test
    void eachInstanceAndGroupHasItsOwnFile() {
        LocalFileOffsetStore one = new LocalFileOffsetStore(dir, "c1", "g");
        one.update(q0, 3, true);
        one.persistAll();
        assertThat(new LocalFileOffsetStore(dir, "c2", "g").readStored(q0)).isEqualTo(-1);
        assertThat(new LocalFileOffsetStore(dir, "c1", "other").readStored(q0)).isEqualTo(-1);
    }
}
