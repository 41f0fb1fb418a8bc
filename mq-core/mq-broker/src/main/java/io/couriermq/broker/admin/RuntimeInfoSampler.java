package io.couriermq.broker.admin;

import io.couriermq.broker.stats.BrokerStats;
import io.couriermq.common.lifecycle.BackgroundService;

/**
 * Every interval: samples the put and transfer counters so the runtime info's rates stay steady (and
 * its daily totals roll at midnight), and drops the traffic statistics of keys idle for a day.
 */
public final class RuntimeInfoSampler extends BackgroundService {
    private final BrokerRuntimeInfo runtimeInfo;
    private final BrokerStats stats;

    public RuntimeInfoSampler(BrokerRuntimeInfo runtimeInfo, BrokerStats stats, long intervalMs) {
        super("broker-runtime-sampler", intervalMs);
        this.runtimeInfo = runtimeInfo;
        this.stats = stats;
    }

    @Override
    protected void runOnce() {
        runtimeInfo.sample();
        stats.dropIdle();
    }
}
