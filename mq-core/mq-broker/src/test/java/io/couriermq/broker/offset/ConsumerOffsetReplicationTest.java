package io.couriermq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offsets' side of replication: the master's table, the slave's adoption, hand-backs and resets. */
class ConsumerOffsetReplicationTest {
    private static final long START_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START_MS);

    @Test
    void theSnapshotHasRocketMqKeysAndAVersionThatCountsChanges() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir, clock);
        long before = offsets.dataVersion().counter();
        offsets.commit("billing", "Orders", 0, 5);
        clock.advanceMillis(10);
        offsets.commit("billing", "Orders", 1, 7);

        ConsumerOffsetSerializeWrapper snapshot = offsets.snapshot();

        assertThat(snapshot.offsetTable()).isEqualTo(Map.of("Orders@billing", Map.of(0, 5L, 1, 7L)));
        assertThat(snapshot.dataVersion().counter()).isEqualTo(before + 2);
        assertThat(snapshot.dataVersion().timestamp()).isEqualTo(START_MS + 10);
    }

    @Test
    void aSlaveAdoptsTheMastersOffsetsButKeepsItsNewerLargerCommits() {
        ConsumerOffsetManager slave = new ConsumerOffsetManager(dir, clock);
        slave.commit("billing", "Orders", 0, 50); // before the last sync: the master's wins
        long lastSyncMs = clock.millis();
        clock.advanceMillis(1_000);
        slave.commit("billing", "Orders", 1, 80); // after it, beyond the master's: kept
        slave.commit("billing", "Orders", 2, 10); // after it, behind the master's: the master's wins
        slave.commit("audit", "Orders", 0, 3); // after it, unknown to the master: kept

        var kept = slave.applyMaster(Map.of("Orders@billing", Map.of(0, 40L, 1, 60L, 2, 20L)), lastSyncMs);

        assertThat(slave.offsetsOf("billing", "Orders")).isEqualTo(Map.of(0, 40L, 1, 80L, 2, 20L));
        assertThat(slave.committedOffset("audit", "Orders", 0)).hasValue(3);
        assertThat(kept)
                .containsExactlyInAnyOrder(
                        new LocalCommit("billing", "Orders", 1, 80, START_MS + 1_000),
                        new LocalCommit("audit", "Orders", 0, 3, START_MS + 1_000));
    }

    @Test
    void anAdoptedOffsetIsNotHandedBackInTheNextRound() {
        ConsumerOffsetManager slave = new ConsumerOffsetManager(dir, clock);
        slave.applyMaster(Map.of("Orders@billing", Map.of(0, 40L)), 0);

        assertThat(slave.applyMaster(Map.of(), 0)).isEmpty();
        assertThat(slave.committedOffset("billing", "Orders", 0)).hasValue(40);
    }

    @Test
    void aMalformedKeyIsSkipped() {
        ConsumerOffsetManager slave = new ConsumerOffsetManager(dir, clock);

        slave.applyMaster(Map.of("no-separator", Map.of(0, 1L), "Orders@billing", Map.of(0, 2L)), 0);

        assertThat(slave.groupsOf("Orders")).containsExactly("billing");
    }

    @Test
    void aHandBackOnlyMovesForward() {
        ConsumerOffsetManager master = new ConsumerOffsetManager(dir, clock);
        master.commit("billing", "Orders", 0, 100);

        assertThat(master.handBack("billing", "Orders", 0, 90, clock.millis())).isFalse();
        assertThat(master.committedOffset("billing", "Orders", 0)).hasValue(100);
        assertThat(master.handBack("billing", "Orders", 0, 120, clock.millis())).isTrue();
        assertThat(master.committedOffset("billing", "Orders", 0)).hasValue(120);
        assertThat(master.handBack("billing", "Orders", 1, 5, clock.millis())).isTrue();
    }

    @Test
    void aClientCommitMayStillMoveBack() {
        ConsumerOffsetManager master = new ConsumerOffsetManager(dir, clock);
        master.commit("billing", "Orders", 0, 100);

        master.commit("billing", "Orders", 0, 30);

        assertThat(master.committedOffset("billing", "Orders", 0)).hasValue(30);
    }

    @Test
    void aResetNewerThanTheSlavesCommitWinsAndSurvivesARestart() {
        ConsumerOffsetManager master = new ConsumerOffsetManager(dir, clock);
        master.commit("billing", "Orders", 0, 100);
        long slaveCommitMs = clock.millis();
        clock.advanceMillis(5_000);
        master.reset("billing", "Orders", 0, 10);

        ConsumerOffsetManager restarted = new ConsumerOffsetManager(dir, clock);
        restarted.commit("billing", "Orders", 0, 10);

        assertThat(restarted.handBack("billing", "Orders", 0, 150, slaveCommitMs))
                .isFalse();
        assertThat(restarted.committedOffset("billing", "Orders", 0)).hasValue(10);
        assertThat(restarted.handBack("billing", "Orders", 0, 150, clock.millis() + 1))
                .as("a commit after the reset")
                .isTrue();
        assertThat(restarted.handBack("billing", "Other", 0, 150, slaveCommitMs))
                .as("resets are per group and topic")
                .isTrue();
    }

    @Test
    void deletingAGroupOrATopicCountsAsAReset() {
        ConsumerOffsetManager master = new ConsumerOffsetManager(dir, clock);
        master.commit("billing", "Orders", 0, 100);
        master.commit("audit", "Invoices", 0, 100);
        long before = clock.millis();
        clock.advanceMillis(1);

        master.removeGroup("billing");
        master.removeTopic("Invoices");

        assertThat(master.handBack("billing", "Orders", 0, 150, before)).isFalse();
        assertThat(master.handBack("audit", "Invoices", 0, 150, before)).isFalse();
        assertThat(master.topicsOf("billing")).isEmpty();
    }
}
