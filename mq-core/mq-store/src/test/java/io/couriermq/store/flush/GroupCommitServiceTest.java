package io.couriermq.store.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.Clock;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.PutStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitServiceTest {
    /** Bytes "written" so far; a force covers what was written when it started, like the real one. */
    private final AtomicLong written = new AtomicLong();

    private final AtomicInteger forces = new AtomicInteger();

    @Test
    void oneForceAcknowledgesEveryAppendThatWaitedForIt() throws Exception {
        CountDownLatch firstForceMayFinish = new CountDownLatch(1);
        GroupCommitService service = new GroupCommitService(() -> force(firstForceMayFinish), 30_000, Clock.system());
        service.start();
        try {
            written.set(1);
            CompletableFuture<PutStatus> first = service.awaitDurable(1);
            await().until(() -> forces.get() == 1); // the flush thread is inside its first force
            List<CompletableFuture<PutStatus>> waiting = new ArrayList<>();
            for (long end = 2; end <= 21; end++) {
                written.set(end);
                waiting.add(service.awaitDurable(end));
            }
            firstForceMayFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
            for (CompletableFuture<PutStatus> future : waiting) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
            }
            assertThat(service.stats().forceCount()).isEqualTo(2);
            assertThat(service.stats().appendsPerForce()).isEqualTo(10.5);
            assertThat(service.awaitDurable(21)).isCompletedWithValue(PutStatus.PUT_OK);
        } finally {
            service.shutdown();
        }
    }

    @Test
    void anAppendThatIsNotForcedInTimeGetsFlushDiskTimeout() throws Exception {
        CountDownLatch diskHangs = new CountDownLatch(1);
        GroupCommitService service = new GroupCommitService(() -> force(diskHangs), 100, Clock.system());
        service.start();
        try {
            written.set(1);
            CompletableFuture<PutStatus> future = service.awaitDurable(1);
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(PutStatus.FLUSH_DISK_TIMEOUT);
        } finally {
            diskHangs.countDown();
            service.shutdown();
        }
    }

    @Test
    void theTimeSpentInForcesIsSummedForTheFlushLatencyFigure() throws Exception {
        ManualClock clock = new ManualClock(0);
        GroupCommitService service = new GroupCommitService(
                () -> {
                    clock.advance(3, TimeUnit.MILLISECONDS); // each force takes 3 ms on this clock
                    forces.incrementAndGet();
                    return written.get();
                },
                30_000,
                clock);
        service.start();
        try {
            written.set(5);
            assertThat(service.awaitDurable(5).get(10, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
            written.set(9);
            assertThat(service.awaitDurable(9).get(10, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
            assertThat(service.stats().forceCount()).isEqualTo(2);
            assertThat(service.stats().forceNanosTotal()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(6));
        } finally {
            service.shutdown();
        }
    }

    @Test
    void asyncFlushAcknowledgesAtOnceAndForcesOnItsInterval() {
        IntervalFlushService service = new IntervalFlushService(
                () -> {
                    forces.incrementAndGet();
                    return written.incrementAndGet();
                },
                10,
                Clock.system());
        service.start();
        try {
            assertThat(service.awaitDurable(Long.MAX_VALUE)).isCompletedWithValue(PutStatus.PUT_OK);
            await().atMost(Duration.ofSeconds(10)).until(() -> forces.get() >= 3);
        } finally {
            service.shutdown();
        }
    }

    private long force(CountDownLatch mayFinish) {
        long target = written.get();
        if (forces.incrementAndGet() == 1) {
            try {
                mayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return target;
    }
}
