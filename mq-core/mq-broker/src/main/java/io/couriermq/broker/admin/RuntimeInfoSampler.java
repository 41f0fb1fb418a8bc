package io.couriermq.broker.admin;

import io.couriermq.common.lifecycle.BackgroundService;

/** Samples the put and transfer counters every interval so the runtime info's rates stay steady. */
public final class RuntimeInfoSampler extends BackgroundService {
    private final BrokerRuntimeInfo runtimeInfo;

    public RuntimeInfoSampler(BrokerRuntimeInfo runtimeInfo, long intervalMs) {
        super("broker-runtime-sampler", intervalMs);
        this.runtimeInfo = runtimeInfo;
    }

    @Override
    protected void runOnce() {
        runtimeInfo.sample();
    }
}
