package io.couriermq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.DelayOffsetSerializeWrapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delay progress as a master serves it and a slave takes it over. */
class DelayProgressTest {
    private static final long START_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START_MS);

    @Test
    void theSnapshotCarriesProgressCancellationsAndAVersionThatCountsChanges() {
        DelayProgress progress = new DelayProgress(dir, clock);
        clock.advanceMillis(5);
        progress.advance(2, 7);
        progress.cancel(4_096);

        DelayOffsetSerializeWrapper snapshot = progress.snapshot();

        assertThat(snapshot.offsetTable()).isEqualTo(Map.of(2, 7L));
        assertThat(snapshot.cancelled()).containsExactly(4_096L);
        assertThat(snapshot.dataVersion()).isEqualTo(new DataVersion(START_MS + 5, 2, 0));
    }

    @Test
    void aSlaveReplacesItsProgressAndItIsPersisted() {
        DelayProgress slave = new DelayProgress(dir, clock);
        slave.advance(1, 3);
        slave.cancel(1);

        slave.replaceAll(new DelayOffsetSerializeWrapper(Map.of(2, 9L, 3, 4L), new DataVersion(1, 1, 0), Set.of(77L)));

        DelayProgress reloaded = new DelayProgress(dir, clock);
        assertThat(reloaded.offset(1)).isZero();
        assertThat(reloaded.offset(2)).isEqualTo(9);
        assertThat(reloaded.offset(3)).isEqualTo(4);
        assertThat(reloaded.isCancelled(77)).isTrue();
        assertThat(reloaded.isCancelled(1)).isFalse();
    }
}
