package io.couriermq.broker;

import io.couriermq.acl.AclService;
import io.couriermq.broker.admin.BrokerRuntimeInfo;
import io.couriermq.broker.admin.OffsetResetPlanner;
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
import io.couriermq.broker.processor.AclAdminProcessor;
import io.couriermq.broker.processor.BrokerConfigProcessor;
import io.couriermq.broker.processor.BrokerConsumeStatsProcessor;
import io.couriermq.broker.processor.BrokerStatsDataProcessor;
import io.couriermq.broker.processor.BrokerStatsProcessor;
import io.couriermq.broker.processor.ConsumeQueueQueryProcessor;
import io.couriermq.broker.processor.ConsumerCallbackProcessor;
import io.couriermq.broker.processor.GroupOffsetAdminProcessor;
import io.couriermq.broker.processor.HaStatusProcessor;
import io.couriermq.broker.processor.PendingDeliveriesProcessor;
import io.couriermq.broker.processor.ProducerInfoProcessor;
import io.couriermq.broker.processor.QueryMessageProcessor;
import io.couriermq.broker.processor.ReplicationMetadataProcessor;
import io.couriermq.broker.processor.StoreMaintenanceProcessor;
import io.couriermq.broker.processor.SubscriptionGroupAdminProcessor;
import io.couriermq.broker.processor.TopicAdminProcessor;
import io.couriermq.broker.retry.DeadLetterResendProcessor;
import io.couriermq.broker.schedule.DelayLevelScheduling;
import io.couriermq.broker.stats.BrokerStats;
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
            RuntimeGauges gauges,
            BrokerStats stats,
            AclService acl) {}

    private AdminProcessors() {}

    /** Registers every admin family on {@code admin}; returns the sampler the broker must stop. */
    static RuntimeInfoSampler register(BrokerPorts ports, Parts parts, ExecutorService admin) {
        BrokerRuntimeInfo runtimeInfo =
                new BrokerRuntimeInfo(parts.settings().broker(), parts.store(), parts.clock(), parts.gauges());
        RuntimeInfoSampler runtimeSampler = new RuntimeInfoSampler(runtimeInfo, parts.stats(), 10_000);
        parts.topics().addChangeListener(() -> parts.stats()
                .retainTopics(topic -> parts.topics().find(topic).isPresent()));
        runtimeSampler.start();
        ports.register(TopicAdminProcessor.CODES, new TopicAdminProcessor(parts.topics(), parts.offsets()), admin);
        BrokerStatsProcessor stats = new BrokerStatsProcessor(
                parts.settings().broker(),
                parts.topics(),
                parts.offsets(),
                parts.store(),
                runtimeInfo,
                parts.consumers()::onlineGroupsSubscribedTo,
                parts.pulledOffsets(),
                parts.stats()::groupGetRate);
        ports.register(BrokerStatsProcessor.CODES, stats, admin);
        ports.register(BrokerStatsDataProcessor.CODES, new BrokerStatsDataProcessor(parts.stats()), admin);
        registerGroupOperations(ports, parts, stats, admin);
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
        ports.register(
                AclAdminProcessor.CODES,
                new AclAdminProcessor(
                        parts.acl(),
                        new AclAdminProcessor.BrokerIdentity(
                                parts.settings().broker().brokerClusterName(),
                                parts.settings().broker().brokerName(),
                                () -> parts.settings().broker().brokerAddress(ports.localPort()))),
                admin);
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

    /** What mqadmin does to consumer groups: resets, clones, client status and direct consumption, producers, lag. */
    private static void registerGroupOperations(
            BrokerPorts ports, Parts parts, BrokerStatsProcessor stats, ExecutorService admin) {
        String brokerName = parts.settings().broker().brokerName();
        ports.register(
                GroupOffsetAdminProcessor.CODES,
                new GroupOffsetAdminProcessor(
                        brokerName,
                        parts.topics(),
                        parts.subscriptionGroups(),
                        parts.offsets(),
                        parts.consumers(),
                        new OffsetResetPlanner(parts.store(), parts.offsets())),
                admin);
        ports.register(
                ConsumerCallbackProcessor.CODES,
                new ConsumerCallbackProcessor(
                        brokerName, parts.store(), parts.topics(), parts.subscriptionGroups(), parts.consumers()),
                admin);
        ports.register(ProducerInfoProcessor.CODES, new ProducerInfoProcessor(parts.producers()), admin);
        ports.register(
                BrokerConsumeStatsProcessor.CODES,
                new BrokerConsumeStatsProcessor(
                        stats.queueStats(), parts.topics(), parts.offsets(), parts.consumers(), () -> parts.settings()
                                .broker()
                                .brokerAddress(ports.localPort())),
                admin);
    }
}
