package io.couriermq.tools.bench.run;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the same loop on {@code count} platform threads and waits for all of them. */
public final class Workers {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private Workers() {}

    public static void runAll(String name, int count, Runnable loop) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> guarded(loop), name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void guarded(Runnable loop) {
        try {
            loop.run();
        } catch (Throwable failure) { // thread root: say why this worker stopped
            LOG.error("bench worker {} stopped", Thread.currentThread().getName(), failure);
        }
    }
}
