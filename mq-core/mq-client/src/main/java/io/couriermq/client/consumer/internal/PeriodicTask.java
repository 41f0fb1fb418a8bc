package io.couriermq.client.consumer.internal;

import io.couriermq.common.lifecycle.BackgroundService;

/** A consumer's periodic job (rebalance, offset persistence, lock refresh) on its own thread. */
public final class PeriodicTask extends BackgroundService {
    private final Runnable task;

    public PeriodicTask(String name, long intervalMs, Runnable task) {
        super(name, intervalMs);
        this.task = task;
    }

    @Override
    protected void runOnce() {
        task.run();
    }
}
