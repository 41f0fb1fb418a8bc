package io.couriermq.broker.replica;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.schedule.DelayProgress;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import java.util.Objects;

/** The slave's own metadata that {@link MasterMetadataSync} keeps in line with the master's. */
public record SlaveMetadata(
        TopicConfigManager topics,
        SubscriptionGroupManager groups,
        ConsumerOffsetManager offsets,
        DelayProgress delayProgress) {

    public SlaveMetadata {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(delayProgress, "delayProgress");
    }
}
