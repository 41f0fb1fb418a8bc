package io.couriermq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceLockManagerTest {
    private static final MessageQueue Q0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("TopicTest", "broker-a", 1);

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final RebalanceLockManager locks = new RebalanceLockManager(clock);

    @Test
    void aFreeQueueIsGrantedAndAnotherClientIsRefused() {
        assertThat(locks.tryLock("cg", "c1", Set.of(Q0))).containsExactly(Q0);

        assertThat(locks.tryLock("cg", "c2", Set.of(Q0, Q1))).containsExactly(Q1);
        assertThat(locks.isLockedBy("cg", Q0, "c1")).isTrue();
        assertThat(locks.isLockedBy("cg", Q1, "c2")).isTrue();
    }

    @Test
    void locksArePerGroup() {
        locks.tryLock("cg", "c1", Set.of(Q0));

        assertThat(locks.tryLock("other", "c2", Set.of(Q0))).containsExactly(Q0);
    }

    @Test
    void theOwnerRefreshesItsLockSoItDoesNotExpire() {
        locks.tryLock("cg", "c1", Set.of(Q0));
        clock.advanceMillis(50_000);
        assertThat(locks.tryLock("cg", "c1", Set.of(Q0))).containsExactly(Q0);
        clock.advanceMillis(50_000);

        assertThat(locks.tryLock("cg", "c2", Set.of(Q0)))
                .as("refreshed 50 s ago")
                .isEmpty();
    }

    @Test
    void aLockUnrefreshedForSixtySecondsExpiresAndCanBeTaken() {
        locks.tryLock("cg", "c1", Set.of(Q0));
        clock.advanceMillis(60_000);
        assertThat(locks.tryLock("cg", "c2", Set.of(Q0)))
                .as("60 s is not yet expired")
                .isEmpty();
        assertThat(locks.hasLiveLocks("cg")).isTrue();

        clock.advanceMillis(1);
        assertThat(locks.isLocked("cg", Q0)).isFalse();
        assertThat(locks.hasLiveLocks("cg")).isFalse();
        assertThat(locks.tryLock("cg", "c2", Set.of(Q0))).containsExactly(Q0);
        assertThat(locks.isLockedBy("cg", Q0, "c2")).isTrue();
        assertThat(locks.tryLock("cg", "c1", Set.of(Q0)))
                .as("the old owner lost it")
                .isEmpty();
    }

    @Test
    void onlyTheOwnerCanUnlock() {
        locks.tryLock("cg", "c1", Set.of(Q0, Q1));

        locks.unlock("cg", "c2", Set.of(Q0));
        assertThat(locks.isLockedBy("cg", Q0, "c1"))
                .as("unlock by a non-owner is ignored")
                .isTrue();

        locks.unlock("cg", "c1", Set.of(Q0));
        assertThat(locks.isLocked("cg", Q0)).isFalse();
        assertThat(locks.isLockedBy("cg", Q1, "c1")).isTrue();
        assertThat(locks.tryLock("cg", "c2", Set.of(Q0))).containsExactly(Q0);
    }

    @Test
    void unlockingAnUnknownGroupIsHarmless() {
        locks.unlock("nobody", "c1", Set.of(Q0));

        assertThat(locks.isLocked("nobody", Q0)).isFalse();
    }
}
