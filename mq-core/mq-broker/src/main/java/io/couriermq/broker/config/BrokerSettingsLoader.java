package io.couriermq.broker.config;

import static io.couriermq.broker.config.ConfigValues.parseBoolean;
import static io.couriermq.broker.config.ConfigValues.parseDouble;
import static io.couriermq.broker.config.ConfigValues.parseEnum;
import static io.couriermq.broker.config.ConfigValues.parseInt;
import static io.couriermq.broker.config.ConfigValues.parseLong;

import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.remoting.netty.tls.TlsConfigurationException;
import io.couriermq.remoting.netty.tls.TlsProperties;
import io.couriermq.remoting.netty.tls.TlsSettings;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads RocketMQ broker.conf keys into {@link BrokerSettings}. Every key CourierMQ understands is in
 * one of the tables below or is one of RocketMQ's {@code tls.*} keys ({@link TlsProperties}); any other key is
 * reported back as unknown, unless it asks for something whose absence would weaken durability or safety
 * ({@link UnhonouredKeys}): then loading fails naming it.
 */
public final class BrokerSettingsLoader {
    private static final Map<String, BiConsumer<Draft, String>> BROKER_KEYS = new TreeMap<>();
    private static final Map<String, BiConsumer<StoreConfig.Builder, String>> STORE_KEYS = new TreeMap<>();
    private static final Map<String, BiConsumer<HaDraft, String>> HA_KEYS = new TreeMap<>();
    private static final Map<String, BiConsumer<AclDraft, String>> ACL_KEYS = new TreeMap<>();
    private static final Map<String, BiConsumer<LimitsDraft, String>> LIMIT_KEYS = new TreeMap<>();

    /** Keys whose values are secrets: never rendered by GET_BROKER_CONFIG nor logged. */
    public static final Set<String> SECRET_KEYS = Set.of(InnerCredentials.KEY);

    static {
        BROKER_KEYS.put("namesrvAddr", (d, v) -> d.namesrvAddr = v.trim());
        BROKER_KEYS.put("brokerClusterName", (d, v) -> d.brokerClusterName = v.trim());
        BROKER_KEYS.put("brokerName", (d, v) -> d.brokerName = v.trim());
        BROKER_KEYS.put("brokerId", (d, v) -> d.brokerId = parseLong("brokerId", v));
        // blank means not set, as the boot app reads it: the detected address stays
        BROKER_KEYS.put("brokerIP1", (d, v) -> d.brokerIP1 = v.isBlank() ? d.brokerIP1 : v.trim());
        BROKER_KEYS.put("listenPort", (d, v) -> d.listenPort = parseInt("listenPort", v));
        BROKER_KEYS.put("bindAddress", (d, v) -> d.bindAddress = v.trim());
        BROKER_KEYS.put("brokerRole", (d, v) -> d.brokerRole = parseEnum("brokerRole", v, BrokerRole.class));
        BROKER_KEYS.put(
                "autoCreateTopicEnable", (d, v) -> d.autoCreateTopicEnable = parseBoolean("autoCreateTopicEnable", v));
        BROKER_KEYS.put(
                "autoCreateSubscriptionGroup",
                (d, v) -> d.autoCreateSubscriptionGroup = parseBoolean("autoCreateSubscriptionGroup", v));
        BROKER_KEYS.put(
                "defaultTopicQueueNums", (d, v) -> d.defaultTopicQueueNums = parseInt("defaultTopicQueueNums", v));
        BROKER_KEYS.put("brokerPermission", (d, v) -> d.brokerPermission = parseInt("brokerPermission", v));
        BROKER_KEYS.put(
                "registerNameServerPeriod",
                (d, v) -> d.registerNameServerPeriod = parseLong("registerNameServerPeriod", v));
        BROKER_KEYS.put(
                "sendThreadPoolQueueCapacity",
                (d, v) -> d.sendThreadPoolQueueCapacity = parseInt("sendThreadPoolQueueCapacity", v));
        BROKER_KEYS.put(
                "pullThreadPoolQueueCapacity",
                (d, v) -> d.pullThreadPoolQueueCapacity = parseInt("pullThreadPoolQueueCapacity", v));
        BROKER_KEYS.put(
                "flushConsumerOffsetInterval",
                (d, v) -> d.flushConsumerOffsetInterval = parseLong("flushConsumerOffsetInterval", v));
        BROKER_KEYS.put(
                "clientChannelMaxIdleTimeSeconds",
                (d, v) -> d.clientChannelMaxIdleTimeSeconds = parseLong("clientChannelMaxIdleTimeSeconds", v));
        BROKER_KEYS.put(
                "enablePropertyFilter", (d, v) -> d.enablePropertyFilter = parseBoolean("enablePropertyFilter", v));
        BROKER_KEYS.put("messageDelayLevel", (d, v) -> d.messageDelayLevel = v.trim());
        BROKER_KEYS.put("timerMaxDelaySec", (d, v) -> d.timerMaxDelaySec = parseLong("timerMaxDelaySec", v));
        BROKER_KEYS.put("transactionTimeOut", (d, v) -> d.transactionTimeOut = parseLong("transactionTimeOut", v));
        BROKER_KEYS.put(
                "transactionCheckInterval",
                (d, v) -> d.transactionCheckInterval = parseLong("transactionCheckInterval", v));
        BROKER_KEYS.put("transactionCheckMax", (d, v) -> d.transactionCheckMax = parseInt("transactionCheckMax", v));
        BROKER_KEYS.put("compressedRegister", (d, v) -> d.compressedRegister = parseBoolean("compressedRegister", v));
        BROKER_KEYS.put(
                "enableSplitRegistration",
                (d, v) -> d.enableSplitRegistration = parseBoolean("enableSplitRegistration", v));
        BROKER_KEYS.put(
                "splitRegistrationSize", (d, v) -> d.splitRegistrationSize = parseInt("splitRegistrationSize", v));

        ACL_KEYS.put("aclEnable", (d, v) -> d.aclEnable = parseBoolean("aclEnable", v));
        ACL_KEYS.put(InnerCredentials.KEY, (d, v) -> d.innerClientCredentials = InnerCredentials.parse(v));

        // Per client port (the fast port has its own); the write-buffer names are RocketMQ's nettyServerConfig keys.
        LIMIT_KEYS.put("maxConnections", (d, v) -> d.maxConnections = parseInt("maxConnections", v));
        LIMIT_KEYS.put(
                "maxConnectionsPerAddress",
                (d, v) -> d.maxConnectionsPerAddress = parseInt("maxConnectionsPerAddress", v));
        LIMIT_KEYS.put(
                "maxBufferedFrameBytes", (d, v) -> d.maxBufferedFrameBytes = parseLong("maxBufferedFrameBytes", v));
        LIMIT_KEYS.put(
                "maxPendingRequestsPerConnection",
                (d, v) -> d.maxPendingRequestsPerConnection = parseInt("maxPendingRequestsPerConnection", v));
        LIMIT_KEYS.put(
                "writeBufferHighWaterMark",
                (d, v) -> d.writeBufferHighWaterMark = parseInt("writeBufferHighWaterMark", v));
        LIMIT_KEYS.put(
                "writeBufferLowWaterMark",
                (d, v) -> d.writeBufferLowWaterMark = parseInt("writeBufferLowWaterMark", v));
        LIMIT_KEYS.put(
                "maxPendingRequestBytesPerConnection",
                (d, v) -> d.maxPendingRequestBytesPerConnection = parseLong("maxPendingRequestBytesPerConnection", v));
        LIMIT_KEYS.put(
                "maxPendingRequestBytes", (d, v) -> d.maxPendingRequestBytes = parseLong("maxPendingRequestBytes", v));

        HA_KEYS.put("haListenPort", (d, v) -> d.haListenPort = parseInt("haListenPort", v));
        HA_KEYS.put("haMasterAddress", (d, v) -> d.haMasterAddress = v.trim());
        HA_KEYS.put(
                "haSendHeartbeatInterval",
                (d, v) -> d.haSendHeartbeatInterval = parseLong("haSendHeartbeatInterval", v));
        HA_KEYS.put(
                "haHousekeepingInterval", (d, v) -> d.haHousekeepingInterval = parseLong("haHousekeepingInterval", v));
        HA_KEYS.put("haTransferBatchSize", (d, v) -> d.haTransferBatchSize = parseInt("haTransferBatchSize", v));
        HA_KEYS.put("haMaxGapNotInSync", (d, v) -> d.haMaxGapNotInSync = parseLong("haMaxGapNotInSync", v));
        HA_KEYS.put("slaveReadEnable", (d, v) -> d.slaveReadEnable = parseBoolean("slaveReadEnable", v));
        HA_KEYS.put(
                "accessMessageInMemoryMaxRatio",
                (d, v) -> d.accessMessageInMemoryMaxRatio = parseInt("accessMessageInMemoryMaxRatio", v));

        STORE_KEYS.put(
                "mappedFileSizeCommitLog", (b, v) -> b.mappedFileSizeCommitLog(parseInt("mappedFileSizeCommitLog", v)));
        STORE_KEYS.put(
                "mappedFileSizeConsumeQueue",
                (b, v) -> b.mappedFileSizeConsumeQueue(parseInt("mappedFileSizeConsumeQueue", v)));
        STORE_KEYS.put("flushDiskType", (b, v) -> b.flushDiskType(parseEnum("flushDiskType", v, FlushDiskType.class)));
        STORE_KEYS.put(
                "flushIntervalCommitLog", (b, v) -> b.flushIntervalCommitLog(parseLong("flushIntervalCommitLog", v)));
        STORE_KEYS.put(
                "flushIntervalConsumeQueue",
                (b, v) -> b.flushIntervalConsumeQueue(parseLong("flushIntervalConsumeQueue", v)));
        STORE_KEYS.put("syncFlushTimeout", (b, v) -> b.syncFlushTimeout(parseLong("syncFlushTimeout", v)));
        STORE_KEYS.put("maxMessageSize", (b, v) -> b.maxMessageSize(parseInt("maxMessageSize", v)));
        STORE_KEYS.put("fileReservedTime", (b, v) -> b.fileReservedTime(parseInt("fileReservedTime", v)));
        STORE_KEYS.put("deleteWhen", (b, v) -> b.deleteWhen(v.trim()));
        STORE_KEYS.put(
                "diskMaxUsedSpaceRatio", (b, v) -> b.diskMaxUsedSpaceRatio(parseInt("diskMaxUsedSpaceRatio", v)));
        STORE_KEYS.put(
                "diskSpaceWarningLevelRatio",
                (b, v) -> b.diskSpaceWarningLevelRatio(parseDouble("diskSpaceWarningLevelRatio", v)));
        STORE_KEYS.put(
                "cleanResourceInterval", (b, v) -> b.cleanResourceInterval(parseLong("cleanResourceInterval", v)));
        STORE_KEYS.put("maxHashSlotNum", (b, v) -> b.maxHashSlotNum(parseInt("maxHashSlotNum", v)));
        STORE_KEYS.put("maxIndexNum", (b, v) -> b.maxIndexNum(parseInt("maxIndexNum", v)));
        STORE_KEYS.put("warmMapedFileEnable", (b, v) -> b.warmMapedFileEnable(parseBoolean("warmMapedFileEnable", v)));
        STORE_KEYS.put("checkCRCOnRecover", (b, v) -> b.checkCRCOnRecover(parseBoolean("checkCRCOnRecover", v)));
        STORE_KEYS.put(
                "maxTransferCountOnMessageInMemory",
                (b, v) -> b.maxTransferCountOnMessageInMemory(parseInt("maxTransferCountOnMessageInMemory", v)));
        STORE_KEYS.put(
                "maxTransferBytesOnMessageInMemory",
                (b, v) -> b.maxTransferBytesOnMessageInMemory(parseInt("maxTransferBytesOnMessageInMemory", v)));
        STORE_KEYS.put(
                "maxMappedConsumeQueueFiles",
                (b, v) -> b.maxMappedConsumeQueueFiles(parseInt("maxMappedConsumeQueueFiles", v)));
    }

    private BrokerSettingsLoader() {}

    /**
     * Builds the settings from broker.conf-style entries.
     *
     * @param defaultStoreRoot where the store lives when {@code storePathRootDir} is not given
     * @param defaultBrokerIp the address to register when {@code brokerIP1} is not given
     */
    public static BrokerSettings load(Map<String, String> entries, Path defaultStoreRoot, String defaultBrokerIp) {
        Path root = storeRoot(entries.get("storePathRootDir"), defaultStoreRoot);
        StoreConfig.Builder store = StoreConfig.builder(root);
        Draft draft = new Draft(defaultBrokerIp);
        HaDraft ha = new HaDraft();
        AclDraft acl = new AclDraft();
        LimitsDraft limits = new LimitsDraft();
        Map<String, String> unknown = new TreeMap<>();
        Map<String, String> tls = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            String key = entry.getKey().trim();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (BROKER_KEYS.containsKey(key)) {
                BROKER_KEYS.get(key).accept(draft, value);
            } else if (HA_KEYS.containsKey(key)) {
                HA_KEYS.get(key).accept(ha, value);
            } else if (ACL_KEYS.containsKey(key)) {
                ACL_KEYS.get(key).accept(acl, value);
            } else if (LIMIT_KEYS.containsKey(key)) {
                LIMIT_KEYS.get(key).accept(limits, value);
            } else if (STORE_KEYS.containsKey(key)) {
                STORE_KEYS.get(key).accept(store, value);
            } else if (TlsProperties.KEYS.contains(key)) {
                tls.put(key, value);
            } else if (!key.equals("storePathRootDir") && !UnhonouredKeys.honoured(key, value, root)) {
                unknown.put(key, value);
            }
        }
        UnhonouredKeys.check(unknown, root);
        return new BrokerSettings(draft.build(), buildStore(store), ha.build(), List.copyOf(unknown.keySet()))
                .withAcl(new AclSettings(acl.aclEnable, null, acl.innerClientCredentials))
                .withTls(tls(tls))
                .withLimits(limits.build());
    }

    /** A directory, or where one can be created; a file in its place would only fail when the store opens. */
    private static Path storeRoot(String value, Path defaultStoreRoot) {
        if (value == null || value.isBlank()) {
            return defaultStoreRoot;
        }
        Path root;
        try {
            root = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new InvalidConfigException(
                    "storePathRootDir must be a directory path, was '" + value + "': " + e.getReason());
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new InvalidConfigException("storePathRootDir must be a directory, was '" + value + "', a file");
        }
        return root;
    }

    /**
     * RocketMQ's tls.* keys: JVM system properties, then the tls.config.file file, then broker.conf. Both
     * the ports' and the outbound settings are built here, so a missing key file stops start-up.
     */
    private static TlsSettings tls(Map<String, String> confKeys) {
        try {
            return TlsProperties.resolve(System.getProperties(), confKeys).settings();
        } catch (TlsConfigurationException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    /** The store checks its own limits; its refusal is a configuration error like any other. */
    private static StoreConfig buildStore(StoreConfig.Builder store) {
        try {
            return store.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    /** Every key understood, for documentation and for tools that list them. */
    public static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(BROKER_KEYS.keySet());
        keys.addAll(STORE_KEYS.keySet());
        keys.addAll(HA_KEYS.keySet());
        keys.addAll(ACL_KEYS.keySet());
        keys.addAll(LIMIT_KEYS.keySet());
        keys.add("storePathRootDir");
        return keys.stream().sorted().toList();
    }

    /** Access control keys: off, and no credentials of its own, unless configured. */
    private static final class AclDraft {
        boolean aclEnable;
        Credentials innerClientCredentials;
    }

    /** Port limits, defaults from {@link ServerLimits#defaults()}; the record checks them together. */
    private static final class LimitsDraft {
        private static final ServerLimits DEFAULTS = ServerLimits.defaults();
        int maxConnections = DEFAULTS.maxConnections();
        int maxConnectionsPerAddress = DEFAULTS.maxConnectionsPerAddress();
        long maxBufferedFrameBytes = DEFAULTS.maxBufferedFrameBytes();
        int maxPendingRequestsPerConnection = DEFAULTS.maxPendingRequestsPerConnection();
        int writeBufferHighWaterMark = DEFAULTS.writeBufferHighWaterMark();
        int writeBufferLowWaterMark = DEFAULTS.writeBufferLowWaterMark();
        long maxPendingRequestBytesPerConnection = DEFAULTS.maxPendingRequestBytesPerConnection();
        long maxPendingRequestBytes = DEFAULTS.maxPendingRequestBytes();

        ServerLimits build() {
            try {
                return new ServerLimits(
                        maxConnections,
                        maxConnectionsPerAddress,
                        maxBufferedFrameBytes,
                        maxPendingRequestsPerConnection,
                        writeBufferHighWaterMark,
                        writeBufferLowWaterMark,
                        maxPendingRequestBytesPerConnection,
                        maxPendingRequestBytes);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(e.getMessage());
            }
        }
    }

    /** Replication keys, defaults from {@link HaConfig#defaults()}. */
    private static final class HaDraft {
        private static final HaConfig DEFAULTS = HaConfig.defaults();
        int haListenPort = DEFAULTS.haListenPort();
        String haMasterAddress = DEFAULTS.haMasterAddress();
        long haSendHeartbeatInterval = DEFAULTS.haSendHeartbeatInterval();
        long haHousekeepingInterval = DEFAULTS.haHousekeepingInterval();
        int haTransferBatchSize = DEFAULTS.haTransferBatchSize();
        long haMaxGapNotInSync = DEFAULTS.haMaxGapNotInSync();
        boolean slaveReadEnable = DEFAULTS.slaveReadEnable();
        int accessMessageInMemoryMaxRatio = DEFAULTS.accessMessageInMemoryMaxRatio();

        HaConfig build() {
            return new HaConfig(
                    haListenPort,
                    haMasterAddress,
                    haSendHeartbeatInterval,
                    haHousekeepingInterval,
                    haTransferBatchSize,
                    haMaxGapNotInSync,
                    slaveReadEnable,
                    accessMessageInMemoryMaxRatio);
        }
    }

    /** Mutable defaults, filled key by key, then checked all at once by the record. */
    private static final class Draft {
        String namesrvAddr;
        String brokerClusterName = "DefaultCluster";
        String brokerName = "broker-a";
        long brokerId = 0;
        String brokerIP1;
        int listenPort = 10911;
        String bindAddress = "0.0.0.0";
        BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;
        boolean autoCreateTopicEnable = true;
        boolean autoCreateSubscriptionGroup = true;
        int defaultTopicQueueNums = 8;
        int brokerPermission = 6;
        long registerNameServerPeriod = 30_000;
        int sendThreadPoolQueueCapacity = 10_000;
        int pullThreadPoolQueueCapacity = 100_000;
        long flushConsumerOffsetInterval = 5_000;
        long clientChannelMaxIdleTimeSeconds = 120;
        boolean enablePropertyFilter = false;
        String messageDelayLevel = DelayLevels.DEFAULT_TEXT;
        long timerMaxDelaySec = 259_200;
        long transactionTimeOut = 6_000;
        long transactionCheckInterval = 30_000;
        int transactionCheckMax = 15;
        boolean compressedRegister = false;
        boolean enableSplitRegistration = false;
        int splitRegistrationSize = 800;

        Draft(String defaultBrokerIp) {
            this.brokerIP1 = defaultBrokerIp;
        }

        BrokerConfig build() {
            return new BrokerConfig(
                    namesrvAddr,
                    brokerClusterName,
                    brokerName,
                    brokerId,
                    brokerIP1,
                    listenPort,
                    bindAddress,
                    brokerRole,
                    autoCreateTopicEnable,
                    autoCreateSubscriptionGroup,
                    defaultTopicQueueNums,
                    brokerPermission,
                    registerNameServerPeriod,
                    sendThreadPoolQueueCapacity,
                    pullThreadPoolQueueCapacity,
                    flushConsumerOffsetInterval,
                    clientChannelMaxIdleTimeSeconds,
                    enablePropertyFilter,
                    messageDelayLevel,
                    timerMaxDelaySec,
                    transactionTimeOut,
                    transactionCheckInterval,
                    transactionCheckMax,
                    compressedRegister,
                    enableSplitRegistration,
                    splitRegistrationSize);
        }
    }
}
