package io.couriermq.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundServiceTest {

    @Test
    void wakeUpRunsARoundWithoutWaitingForTheInterval() {
        AtomicInteger rounds = new AtomicInteger();
        try (var service = new CountingService(rounds, 3_600_000)) {
            service.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
            service.wakeUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        }
    }

    @Test
    void aFailingRoundDoesNotStopTheLoop() {
        AtomicInteger rounds = new AtomicInteger();
        var service = new BackgroundService("failing", 10) {
            @Override
            protected void runOnce() {
                rounds.incrementAndGet();
                throw new IllegalStateException("boom");
            }
        };
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
        service.shutdown();
        assertThat(service.isStopping()).isTrue();
    }

    @Test
    void shutdownRunsOnStopOnceOnTheServiceThread() {
        AtomicInteger stops = new AtomicInteger();
        var service = new BackgroundService("stopping", 3_600_000) {
            @Override
            protected void runOnce() {}

            @Override
            protected void onStop() {
                stops.incrementAndGet();
            }
        };
        service.start();
        service.shutdown();
        service.shutdown();
        assertThat(stops).hasValue(1);
    }

    @Test
    void haltEndsTheThreadWithOnHaltInsteadOfOnStop() {
        List<String> ends = new CopyOnWriteArrayList<>();
        var service = new BackgroundService("halting", 3_600_000) {
            @Override
            protected void runOnce() {}

            @Override
            protected void onStop() {
                ends.add("stop:" + Thread.currentThread().getName());
            }

            @Override
            protected void onHalt() {
                ends.add("halt:" + Thread.currentThread().getName());
            }
        };
        service.start();
        service.halt();
        service.shutdown();
        assertThat(ends).containsExactly("halt:halting");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("halting"));
    }

    private static final class CountingService extends BackgroundService {
        private final AtomicInteger rounds;

        CountingService(AtomicInteger rounds, long intervalMs) {
            super("counting", intervalMs);
            this.rounds = rounds;
        }

        @Override
        protected void runOnce() {
            rounds.incrementAndGet();
        }
    }
}
