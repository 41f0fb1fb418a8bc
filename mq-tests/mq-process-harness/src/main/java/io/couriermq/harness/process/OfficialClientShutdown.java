package io.couriermq.harness.process;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shortens the shutdown of official 5.2.0 clients in a test JVM. Their remoting client's shutdown joins
 * its event thread, which notices the stop only when its 3 s queue poll times out, so about a third of
 * all producer, consumer and admin shutdowns (every mqadmin command ends with one) took 3 s for nothing.
 * A daemon looks for a thread joining a {@code NettyEventExecutor} thread and interrupts that one thread;
 * its loop catches the interrupt and sees it is stopped. Threads nobody is joining are never touched.
 */
public final class OfficialClientShutdown {
    private static final String EVENT_EXECUTOR_THREAD = "NettyEventExecutor";
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private OfficialClientShutdown() {}

    /** Starts the watcher once per JVM; later calls do nothing. */
    public static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "official-client-shutdown-nudge");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                OfficialClientShutdown::interruptJoinedEventThreads, 25, 25, TimeUnit.MILLISECONDS);
    }

    private static void interruptJoinedEventThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Integer> joined = new HashSet<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            LockInfo lock = info == null ? null : info.getLockInfo();
            if (lock != null && lock.getClassName().equals(Thread.class.getName())) {
                joined.add(lock.getIdentityHashCode());
            }
        }
        if (joined.isEmpty()) {
            return;
        }
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(EVENT_EXECUTOR_THREAD))
                .filter(thread -> joined.contains(System.identityHashCode(thread)))
                .forEach(Thread::interrupt);
    }
}
