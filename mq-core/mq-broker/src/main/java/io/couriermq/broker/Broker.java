package io.couriermq.broker;

import io.couriermq.acl.AclRefusals;
import io.couriermq.broker.admin.PulledOffsets;
import io.couriermq.broker.admin.RuntimeGauges;
import io.couriermq.broker.admin.RuntimeInfoSampler;
import io.couriermq.broker.client.ClientChannelEvents;
import io.couriermq.broker.client.ClientChannelExpiryService;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangedNotifier;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.client.RebalanceLockManager;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.RuntimeBrokerConfig;
import io.couriermq.broker.filter.SqlFilterCache;
import io.couriermq.broker.filter.SubscriptionFilters;
import io.couriermq.broker.ha.ReplicationService;
import io.couriermq.broker.longpolling.PullHoldService;
import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.broker.metrics.TransferCounter;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.offset.OffsetPersistService;
import io.couriermq.broker.pending.CompositePendingDeliveries;
import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.processor.ClientManageProcessor;
import io.couriermq.broker.processor.ConsumerGroupProcessor;
import io.couriermq.broker.processor.ConsumerOffsetProcessor;
import io.couriermq.broker.processor.PullMessageProcessor;
import io.couriermq.broker.processor.SendMessageProcessor;
import io.couriermq.broker.registry.NameServerRegistrar;
import io.couriermq.broker.replica.SlaveMetadata;
import io.couriermq.broker.reply.RequesterLocator;
import io.couriermq.broker.reply.SendReplyMessageProcessor;
import io.couriermq.broker.retry.ConsumerSendBackProcessor;
import io.couriermq.broker.retry.RetryTopicSendDiversion;
import io.couriermq.broker.schedule.DelayLevelScheduling;
import io.couriermq.broker.send.DiversionChain;
import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.send.MessageFactory;
import io.couriermq.broker.send.SendTopicResolver;
import io.couriermq.broker.stats.BrokerStats;
import io.couriermq.broker.stats.StatsObserver;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.timer.TimerDiversion;
import io.couriermq.broker.timer.TimerService;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.broker.transaction.EndTransactionProcessor;
import io.couriermq.broker.transaction.TransactionService;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.message.UniqueKeyGenerator;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.store.MessageStore;
import io.couriermq.store.StoreMaintenance;
import io.couriermq.store.engine.FileMessageStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable broker: the composition root that builds the store, the metadata managers, the
 * processors and the remoting server, and starts and stops them in order. It holds no request logic.
 */
public final class Broker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    /** The longest a due timed message waits for the timer's next round. */
    private static final long TIMER_ROUND_MS = 10;

    private final BrokerSettings settings;
    private final Clock clock;
    private final BrokerConfig config;
    private final TransferCounter observer;
    private final BrokerStats stats;
    private MessageStore store;
    private SubscriptionGroupManager subscriptionGroups;
    private ProducerGroupRegistry producers;
    private ConsumerGroupRegistry consumers;
    private ClientChannelExpiryService clientExpiry;
    private QueueTimedExecutor sendExecutor;
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private BrokerPorts ports;
    private NettyRemotingClient outbound;
    private PullHoldService holds;
    private OffsetPersistService offsetPersist;
    private NameServerRegistrar registrar;
    private SlaveDuties slaveDuties;
    private RuntimeInfoSampler runtimeSampler;
    private DelayLevelScheduling delayLevels;
    private TimerService timer;
    private PendingDeliveries pendingDeliveries;
    private TransactionService transactions;
    private ReplicationService replication;
    private final PulledOffsets pulledOffsets = new PulledOffsets();
    private RuntimeBrokerConfig runtimeConfig;
    private StoreMaintenance maintenance;
    private final AclRefusals aclRefusals = new AclRefusals();
    private BrokerAcl acl;

    public Broker(BrokerSettings settings, Clock clock) {
        this(settings, clock, BrokerObserver.NONE);
    }

    public Broker(BrokerSettings settings, Clock clock, BrokerObserver observer) {
        this.settings = settings;
        this.clock = clock;
        this.config = settings.broker();
        this.stats = new BrokerStats(config.brokerClusterName(), clock);
        this.observer = new TransferCounter(new StatsObserver(stats, observer));
    }

    /**
     * Starts every part in order. If one fails (a port in use, an unreadable store), the parts already
     * started are stopped again before the failure is rethrown, so nothing is left half running.
     */
    public synchronized void start() {
        try {
            startParts();
        } catch (RuntimeException e) {
            log.error("broker {} failed to start: {}", config.brokerName(), e.getMessage());
            shutdown();
            throw e;
        }
    }

    private void startParts() {
        settings.unknownKeys().forEach(key -> log.warn("unknown configuration key '{}' is ignored", key));
        Path configDir = settings.store().storePathRootDir().resolve("config");
        FileMessageStore files = FileMessageStore.open(settings.store(), clock);
        store = files;
        maintenance = files;
        runtimeConfig = new RuntimeBrokerConfig(settings, clock);
        slaveDuties = new SlaveDuties(settings, config.brokerRole() == BrokerRole.SLAVE, clock);
        replication = ReplicationService.start(
                config,
                settings.ha(),
                config.bindAddress(),
                files.replication(),
                clock,
                settings.store().syncFlushTimeout(),
                slaveDuties::masterHaAddress);
        topics = new TopicConfigManager(config, configDir, clock);
        offsets = new ConsumerOffsetManager(configDir, clock);
        subscriptionGroups = new SubscriptionGroupManager(config, configDir, clock);
        producers = new ProducerGroupRegistry(clock);
        RuntimeConfigEffects.wire(runtimeConfig, files, topics, subscriptionGroups);
        delayLevels = DelayLevelScheduling.start(
                store, topics, config.delayLevels(), configDir, clock, !replication.isSlave());
        acl = BrokerAcl.open(settings.acl(), aclRefusals, clock);
        ports = new BrokerPorts(
                BrokerPorts.serverConfig(config, settings.tls().server(), settings.limits()),
                new ChannelEventListener() {
                    @Override
                    public void onClosed(RemotingChannel channel) {
                        clientEvents().onClosed(channel);
                    }
                },
                slaveDuties::guard,
                clock);
        ports.requestGuard(acl.guard()); // before the port opens: no request is ever served unchecked
        ExecutorService client = ports.newExecutor("broker-client", 2, 10_000);
        consumers = new ConsumerGroupRegistry(
                clock, new ConsumerIdsChangedNotifier(client, subscriptionGroups::notifyConsumerIdsChangedEnabled));
        ports.start();
        InetSocketAddress storeHost = new InetSocketAddress(config.brokerIP1(), ports.localPort());
        registerProcessors(storeHost, client);
        ports.startFastChannel();
        holds.start();
        clientExpiry = new ClientChannelExpiryService(
                producers,
                consumers,
                config.clientChannelMaxIdleTimeSeconds(),
                ClientChannelExpiryService.DEFAULT_SCAN_INTERVAL_MS);
        clientExpiry.start();
        offsetPersist = new OffsetPersistService(offsets, config.flushConsumerOffsetInterval());
        offsetPersist.start();
        outbound = new NettyRemotingClient(settings.outboundClientConfig(), new ChannelEventListener() {});
        int haPort =
                replication.haPort() >= 0 ? replication.haPort() : settings.ha().effectivePort(ports.localPort());
        runtimeConfig.boundPorts(ports.localPort(), haPort);
        registrar =
                new NameServerRegistrar(config, topics, outbound, clock, ports.localPort(), haPort, () -> runtimeConfig
                        .broker()
                        .brokerPermission());
        registrar.start();
        slaveDuties.start(
                registrar,
                outbound,
                new SlaveMetadata(topics, subscriptionGroups, offsets, delayLevels.progress()),
                clock);
        log.info(
                "broker {} ({}, cluster {}) ready at {} with {} NameServer(s)",
                config.brokerName(),
                config.brokerRole(),
                config.brokerClusterName(),
                registrar.brokerAddress(),
                config.nameServerAddresses().size());
    }

    private ClientChannelEvents clientEvents() {
        return new ClientChannelEvents(producers, consumers);
    }

    private void registerProcessors(InetSocketAddress storeHost, ExecutorService client) {
        QueueTimedExecutor send = ports.newExecutor("broker-send", 1, config.sendThreadPoolQueueCapacity());
        sendExecutor = send;
        QueueTimedExecutor pull = ports.newExecutor("broker-pull", 4, config.pullThreadPoolQueueCapacity());
        ExecutorService admin = ports.newExecutor("broker-admin", 2, 1_000);
        holds = new PullHoldService(clock, 1_000, pull);
        SubscriptionFilters subscriptionFilters =
                new SubscriptionFilters(config.enablePropertyFilter(), new SqlFilterCache(10_000));
        store.addDispatchListener(holds);
        RebalanceLockManager locks = new RebalanceLockManager(clock);
        Path timerDir = settings.store().storePathRootDir().resolve("timer");
        timer = TimerService.startOn(store, clock, timerDir, TIMER_ROUND_MS, !replication.isSlave());
        pendingDeliveries = new CompositePendingDeliveries(List.of(delayLevels.pending(), timer.pendingDeliveries()));
        MessageFactory messages = new MessageFactory(
                config.brokerClusterName(), storeHost, new UniqueKeyGenerator(storeHost.getAddress(), clock));
        // what every deliverable message goes through: at send time, and at commit for transactional ones
        MessageDiversion delivery = new DiversionChain(List.of(
                new RetryTopicSendDiversion(subscriptionGroups, topics, locks::hasLiveLocks),
                delayLevels.diversion(),
                new TimerDiversion(clock, config.timerMaxDelaySec())));
        Path configDir = settings.store().storePathRootDir().resolve("config");
        transactions = new TransactionService(config, store, topics, producers, delivery, storeHost, configDir, clock);
        if (!replication.isSlave()) {
            transactions.start(); // a slave checks back nothing: its master does
        }
        MessageStore clientWrites = replication.forClientWrites(store);
        ports.register(
                SendMessageProcessor.CODES,
                new SendMessageProcessor(
                        new SendTopicResolver(runtimeConfig::broker, topics),
                        messages,
                        List.of(transactions.sendDiversion()),
                        clientWrites,
                        storeHost,
                        observer),
                send);
        SendReplyMessageProcessor.ensureReplyTopic(topics, config.brokerClusterName());
        ports.register(
                SendReplyMessageProcessor.CODES,
                new SendReplyMessageProcessor(
                        new SendTopicResolver(runtimeConfig::broker, topics),
                        messages,
                        clientWrites,
                        new RequesterLocator(producers, consumers),
                        storeHost,
                        clock),
                send);
        ports.register(
                EndTransactionProcessor.CODES,
                transactions.endTransactionProcessor(),
                ports.newExecutor("broker-transaction", 2, 10_000));
        ports.register(
                PullMessageProcessor.CODES,
                new PullMessageProcessor(
                        topics,
                        consumers::subscription,
                        store,
                        offsets,
                        holds,
                        clock,
                        observer,
                        pulledOffsets,
                        subscriptionFilters,
                        replication.readAdvice(
                                settings.ha(), () -> runtimeConfig.ha().slaveReadEnable())),
                pull);
        ports.register(
                ClientManageProcessor.CODES,
                new ClientManageProcessor(producers, consumers, subscriptionGroups, topics, subscriptionFilters),
                client);
        ConsumerGroupProcessor groups = new ConsumerGroupProcessor(consumers, producers, locks);
        ports.register(ConsumerGroupProcessor.CLIENT_CODES, groups, client);
        ports.register(ConsumerGroupProcessor.ADMIN_CODES, groups, admin);
        ports.register(ConsumerOffsetProcessor.CODES, new ConsumerOffsetProcessor(topics, offsets, store), client);
        ports.register(
                ConsumerSendBackProcessor.CODES,
                new ConsumerSendBackProcessor(subscriptionGroups, topics, store, delayLevels.diversion()),
                send);
        registerAdminProcessors(admin, pull);
    }

    private void registerAdminProcessors(ExecutorService admin, QueueTimedExecutor pull) {
        RuntimeGauges gauges = new RuntimeGauges(
                observer::transferredTotal,
                this::sendQueueDepth,
                pull::queueSize,
                sendExecutor::headWaitMs,
                pull::headWaitMs);
        runtimeSampler = AdminProcessors.register(
                ports,
                new AdminProcessors.Parts(
                        settings,
                        runtimeConfig,
                        clock,
                        store,
                        maintenance,
                        topics,
                        offsets,
                        subscriptionGroups,
                        consumers,
                        producers,
                        pulledOffsets,
                        observer,
                        pendingDeliveries,
                        replication,
                        delayLevels,
                        timer,
                        gauges,
                        stats,
                        acl.service()),
                admin);
    }

    /** RocketMQ's fast (VIP) channel port, listenPort - 2; -1 when it could not be opened. */
    public int fastListenPort() {
        return ports.fastPort();
    }

    /** Requests refused by access control, by reason (all zero when ACL is off). */
    public AclRefusals aclRefusals() {
        return aclRefusals;
    }

    /** The port clients connect to (useful when configured as 0). */
    public int listenPort() {
        return ports.localPort();
    }

    /** The address registered with NameServers and stamped into message ids. */
    public String address() {
        return registrar.brokerAddress();
    }

    public MessageStore store() {
        return store;
    }

    /** The configuration in force, as GET/UPDATE_BROKER_CONFIG see and change it. */
    public RuntimeBrokerConfig runtimeConfig() {
        return runtimeConfig;
    }

    public TopicConfigManager topics() {
        return topics;
    }

    public ConsumerOffsetManager offsets() {
        return offsets;
    }

    public NameServerRegistrar registrar() {
        return registrar;
    }

    public ConsumerGroupRegistry consumers() {
        return consumers;
    }

    /** Messages waiting for a later delivery (timers; delay levels join here), for the admin view. */
    public PendingDeliveries pendingDeliveries() {
        return pendingDeliveries;
    }

    /** Replication by role: the master's HA port and slaves, or the slave's master. */
    public ReplicationService replication() {
        return replication;
    }

    /** The HA port slaves connect to (a master's bound port); -1 on a slave. */
    public int haListenPort() {
        return replication.haPort();
    }

    public TransactionService transactions() {
        return transactions;
    }

    public SubscriptionGroupManager subscriptionGroups() {
        return subscriptionGroups;
    }

    /** Send requests waiting for the send thread: the broker's back-pressure gauge. */
    public int sendQueueDepth() {
        return sendExecutor == null ? 0 : sendExecutor.queueSize();
    }

    /**
     * Stops in the order that loses nothing: leave the NameServers first (clients go elsewhere), stop
     * taking requests and answer those in progress, answer held pulls, then persist offsets and close
     * the store.
     */
    public synchronized void shutdown() {
        ifStarted(slaveDuties, SlaveDuties::shutdown);
        if (registrar != null) {
            registrar.shutdown();
            registrar.unregisterAll();
        }
        stopQuietly(holds);
        ifStarted(transactions, TransactionService::shutdown);
        stopQuietly(clientExpiry);
        stopQuietly(runtimeSampler);
        ifStarted(ports, BrokerPorts::shutdown);
        ifStarted(replication, ReplicationService::shutdown);
        stopQuietly(offsetPersist);
        ifStarted(acl, BrokerAcl::close);
        ifStarted(delayLevels, DelayLevelScheduling::shutdown);
        stopQuietly(timer);
        ifStarted(store, MessageStore::shutdown);
        ifStarted(outbound, NettyRemotingClient::close);
        forgetParts();
        log.info("broker {} stopped", config.brokerName());
    }

    /**
     * Stops as abruptly as one JVM allows, for crash tests: no goodbye to the NameServers (they notice
     * the closed connection), every client connection closed with nothing answered, and no clean store
     * shutdown (the abort marker stays, so the next start over this store recovers as after a crash).
     * Every thread the broker started is stopped before this returns, but none writes a last checkpoint,
     * offset or progress file: the next start finds what a killed process would have left.
     */
    public synchronized void halt() {
        ifStarted(slaveDuties, SlaveDuties::shutdown);
        if (registrar != null) {
            registrar.shutdown();
        }
        ifStarted(ports, BrokerPorts::abort);
        ifStarted(outbound, NettyRemotingClient::close);
        ifStarted(replication, ReplicationService::shutdown);
        stopQuietly(holds);
        stopQuietly(clientExpiry);
        stopQuietly(runtimeSampler);
        ifStarted(transactions, TransactionService::halt);
        ifStarted(delayLevels, DelayLevelScheduling::halt);
        ifStarted(timer, TimerService::halt);
        ifStarted(offsetPersist, OffsetPersistService::halt);
        if (store instanceof FileMessageStore files) {
            files.halt();
        } else if (store != null) {
            store.shutdown();
        }
        ifStarted(acl, BrokerAcl::close);
        forgetParts();
        log.warn("broker {} halted without a clean shutdown", config.brokerName());
    }

    private void forgetParts() {
        registrar = null;
        holds = null;
        transactions = null;
        replication = null;
        slaveDuties = null;
        clientExpiry = null;
        runtimeSampler = null;
        ports = null;
        offsetPersist = null;
        delayLevels = null;
        timer = null;
        store = null;
        maintenance = null;
        outbound = null;
        acl = null;
    }

    private static void stopQuietly(BackgroundService service) {
        if (service != null) {
            service.shutdown();
        }
    }

    /** Stops a part the failed or finished start got to; one not made yet is skipped. */
    private static <T> void ifStarted(T part, Consumer<T> stop) {
        if (part != null) {
            stop.accept(part);
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
