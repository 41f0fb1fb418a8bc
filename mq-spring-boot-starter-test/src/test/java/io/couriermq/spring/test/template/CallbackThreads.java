package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every thread of the template's callback executor busy until released. While they are busy no
 * template future can complete, so an action attached in that window is known to run on the thread that
 * completes it later: the way to tell, without a race, which thread that is.
 */
final class CallbackThreads {
    private final CountDownLatch release = new CountDownLatch(1);

    private CallbackThreads() {}

    static CallbackThreads occupy(ExecutorService callbackExecutor) throws InterruptedException {
        CallbackThreads occupied = new CallbackThreads();
        int threads = ((ThreadPoolExecutor) callbackExecutor).getMaximumPoolSize();
        CountDownLatch busy = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            callbackExecutor.execute(() -> {
                busy.countDown();
                try {
                    occupied.release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(busy.await(10, TimeUnit.SECONDS))
                .as("all callback threads busy")
                .isTrue();
        return occupied;
    }

    void release() {
        release.countDown();
    }
}
