package io.couriermq.broker.offset;

import io.couriermq.common.lifecycle.BackgroundService;

/** Writes committed offsets every interval and once more when stopped. */
public final class OffsetPersistService extends BackgroundService {
    private final ConsumerOffsetManager offsets;

    public OffsetPersistService(ConsumerOffsetManager offsets, long intervalMs) {
        super("broker-offset-persist", intervalMs);
        this.offsets = offsets;
    }

    @Override
    protected void runOnce() {
        offsets.persist();
    }

    @Override
    protected void onStop() {
        offsets.persist();
    }
}
