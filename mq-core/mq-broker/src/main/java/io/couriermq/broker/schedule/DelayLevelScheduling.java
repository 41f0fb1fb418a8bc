package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.store.MessageStore;
import java.nio.file.Path;

/**
 * The delay-level feature as the broker wires it: the schedule topic registered, the send-path
 * diversion, the delivery service (started, and told of every dispatched entry), and the admin view.
 */
public final class DelayLevelScheduling {
    private final DelayLevelDiversion diversion;
    private final DelayLevelPendingDeliveries pending;
    private final DelayDeliveryService delivery;
    private final DelayProgress progress;

    private DelayLevelScheduling(
            DelayLevelDiversion diversion,
            DelayLevelPendingDeliveries pending,
            DelayDeliveryService delivery,
            DelayProgress progress) {
        this.diversion = diversion;
        this.pending = pending;
        this.delivery = delivery;
        this.progress = progress;
    }

    /** @param deliver false on a slave: its master delivers, and the slave's log is the master's copy */
    public static DelayLevelScheduling start(
            MessageStore store,
            TopicConfigManager topics,
            DelayLevels levels,
            Path configDir,
            Clock clock,
            boolean deliver) {
        ScheduleTopicRegistration.ensure(topics, levels);
        DelayProgress progress = new DelayProgress(configDir, clock);
        DelayDeliveryService delivery = new DelayDeliveryService(store, levels, progress, clock);
        store.addDispatchListener(delivery);
        store.addRetentionHold(delivery);
        if (deliver) {
            delivery.start();
        }
        return new DelayLevelScheduling(
                new DelayLevelDiversion(levels),
                new DelayLevelPendingDeliveries(store, levels, progress),
                delivery,
                progress);
    }

    /** Per-level delivery progress: served to slaves (GET_ALL_DELAY_OFFSET) and replaced on a slave. */
    public DelayProgress progress() {
        return progress;
    }

    public MessageDiversion diversion() {
        return diversion;
    }

    public PendingDeliveries pending() {
        return pending;
    }

    /** Stops delivery and persists its progress; call before the store closes. */
    public void shutdown() {
        delivery.shutdown();
    }

    /** Stops delivery without persisting its progress, as a crash would. */
    public void halt() {
        delivery.halt();
    }
}
