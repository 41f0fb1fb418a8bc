package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueTimedExecutorTest {
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ThreadPoolExecutor pool =
            new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));
    private final QueueTimedExecutor executor = new QueueTimedExecutor(pool, clock);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theHeadWaitIsHowLongTheOldestQueuedTaskHasWaited() {
        assertThat(executor.headWaitMs()).as("nothing queued").isZero();
        executor.execute(this::blockUntilReleased);
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.getActiveCount() == 1);

        AtomicInteger ran = new AtomicInteger();
        executor.execute(ran::incrementAndGet);
        clock.advanceMillis(250);
        executor.execute(ran::incrementAndGet);
        clock.advanceMillis(100);

        assertThat(executor.queueSize()).isEqualTo(2);
        assertThat(executor.headWaitMs()).isEqualTo(350);

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 2);
        assertThat(executor.headWaitMs()).isZero();
        assertThat(executor.queueSize()).isZero();
    }

    @Test
    void aFullQueueStillRefuses() {
        executor.execute(this::blockUntilReleased);
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.getActiveCount() == 1);
        executor.execute(() -> {});
        executor.execute(() -> {});

        assertThatThrownBy(() -> executor.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    private void blockUntilReleased() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
