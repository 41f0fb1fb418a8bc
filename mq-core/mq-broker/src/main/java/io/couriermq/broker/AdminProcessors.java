package io.couriermq.broker;

import io.couriermq.broker.admin.BrokerRuntimeInfo;
import io.couriermq.broker.admin.PulledOffsets;
import io.couriermq.broker.admin.RuntimeGauges;
import io.couriermq.broker.admin.RuntimeInfoSampler;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.RuntimeBrokerConfig;
import io.couriermq.broker.ha.ReplicationService;
import io.couriermq.broker.metrics.TransferCounter;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.processor.BrokerConfigProcessor;
import io.couriermq.broker.processor.BrokerStatsProcessor;
import io.couriermq.broker.processor.ConsumeQueueQueryProcessor;
import io.couriermq.broker.processor.HaStatusProcessor;
import io.couriermq.broker.processor.PendingDeliveriesProcessor;
import io.couriermq.broker.processor.QueryMessageProcessor;
import io.couriermq.broker.processor.ReplicationMetadataProcessor;
import io.couriermq.broker.processor.StoreMaintenanceProcessor;
import io.couriermq.broker.processor.SubscriptionGroupAdminProcessor;
import io.couriermq.broker.processor.TopicAdminProcessor;
import io.couriermq.broker.retry.DeadLetterResendProcessor;
import io.couriermq.broker.schedule.DelayLevelScheduling;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.timer.TimerService;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.store.MessageStore;
import io.couriermq.store.StoreMaintenance;
import java.util.concurrent.ExecutorService;

/**
 * Wires the admin request families (topics, groups, statistics, message queries, configuration,
 * replication status) onto the broker's ports. Kept apart from {@link Broker} so the composition root
 * stays about lifecycle and the admin surface can grow without it.
 */
final class AdminProcessors {

    /** What the admin processors read and change: the broker's parts, built before registration. */
    record Parts(
            BrokerSettings settings,
            RuntimeBrokerConfig runtimeConfig,
            Clock clock,
            MessageStore store,
            StoreMaintenance maintenance,
            TopicConfigManager topics,
            ConsumerOffsetManager offsets,
            SubscriptionGroupManager subscriptionGroups,
            ConsumerGroupRegistry consumers,
            ProducerGroupRegistry producers,
            PulledOffsets pulledOffsets,
            TransferCounter observer,
            PendingDeliveries pendingDeliveries,
            ReplicationService replication,
            DelayLevelScheduling delayLevels,
            TimerService timer,
            RuntimeGauges gauges) {}

    private AdminProcessors() {}

    /** Registers every admin family on {@code admin}; returns the sampler the broker must stop. */
    static RuntimeInfoSampler register(BrokerPorts ports, Parts parts, ExecutorService admin) {
        BrokerRuntimeInfo runtimeInfo =
                new BrokerRuntimeInfo(parts.settings().broker(), parts.store(), parts.clock(), parts.gauges());
        RuntimeInfoSampler runtimeSampler = new RuntimeInfoSampler(runtimeInfo, 10_000);
        runtimeSampler.start();
        ports.register(TopicAdminProcessor.CODES, new TopicAdminProcessor(parts.topics(), parts.offsets()), admin);
        ports.register(
                BrokerStatsProcessor.CODES,
                new BrokerStatsProcessor(
                        parts.settings().broker(),
                        parts.topics(),
                        parts.offsets(),
                        parts.store(),
                        runtimeInfo,
                        parts.consumers()::onlineGroupsSubscribedTo,
                        parts.pulledOffsets()),
                admin);
        ports.register(QueryMessageProcessor.CODES, new QueryMessageProcessor(parts.store()), admin);
        ports.register(
                PendingDeliveriesProcessor.CODES, new PendingDeliveriesProcessor(parts.pendingDeliveries()), admin);
        ports.register(
                SubscriptionGroupAdminProcessor.CODES,
                new SubscriptionGroupAdminProcessor(parts.subscriptionGroups(), parts.offsets()),
                admin);
        ports.register(
                DeadLetterResendProcessor.CODES, new DeadLetterResendProcessor(parts.topics(), parts.store()), admin);
        ports.register(HaStatusProcessor.CODES, new HaStatusProcessor(parts.replication()), admin);
        ports.register(BrokerConfigProcessor.CODES, new BrokerConfigProcessor(parts.runtimeConfig()), admin);
        ports.register(
                StoreMaintenanceProcessor.CODES,
                new StoreMaintenanceProcessor(parts.maintenance(), parts.topics()),
                admin);
        ports.register(
                ConsumeQueueQueryProcessor.CODES,
                new ConsumeQueueQueryProcessor(parts.maintenance(), parts.consumers()::subscription),
                admin);
        ports.register(
                ReplicationMetadataProcessor.CODES,
                new ReplicationMetadataProcessor(
                        parts.offsets(), parts.delayLevels().progress(), parts.timer()::replicationCheckpoint),
                admin);
        return runtimeSampler;
    }
}
