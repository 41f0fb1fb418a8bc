package io.couriermq.broker.config;

import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.store.StoreConfig;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's effective configuration as broker.conf entries: every key {@link BrokerSettingsLoader}
 * reads, with the value in force, defaults included; keys without a value (no namesrvAddr, no
 * haMasterAddress) are left out, as RocketMQ leaves out null properties. Loading these entries gives back
 * the same settings.
 */
public final class BrokerConfigProperties {
    private BrokerConfigProperties() {}

    public static Map<String, String> of(BrokerSettings settings) {
        Map<String, String> entries = new TreeMap<>();
        putBroker(entries, settings.broker());
        putStore(entries, settings.store());
        putHa(entries, settings.ha());
        // innerClientAuthenticationCredentials holds a secret: never rendered
        entries.put("aclEnable", Boolean.toString(settings.acl().aclEnable()));
        putLimits(entries, settings.limits());
        entries.values().removeIf(value -> value == null);
        return entries;
    }

    private static void putBroker(Map<String, String> entries, BrokerConfig broker) {
        entries.put("namesrvAddr", broker.namesrvAddr());
        entries.put("brokerClusterName", broker.brokerClusterName());
        entries.put("brokerName", broker.brokerName());
        entries.put("brokerId", Long.toString(broker.brokerId()));
        entries.put("brokerIP1", broker.brokerIP1());
        entries.put("listenPort", Integer.toString(broker.listenPort()));
        entries.put("bindAddress", broker.bindAddress());
        entries.put("brokerRole", broker.brokerRole().name());
        entries.put("autoCreateTopicEnable", Boolean.toString(broker.autoCreateTopicEnable()));
        entries.put("autoCreateSubscriptionGroup", Boolean.toString(broker.autoCreateSubscriptionGroup()));
        entries.put("defaultTopicQueueNums", Integer.toString(broker.defaultTopicQueueNums()));
        entries.put("brokerPermission", Integer.toString(broker.brokerPermission()));
        entries.put("registerNameServerPeriod", Long.toString(broker.registerNameServerPeriod()));
        entries.put("sendThreadPoolQueueCapacity", Integer.toString(broker.sendThreadPoolQueueCapacity()));
        entries.put("pullThreadPoolQueueCapacity", Integer.toString(broker.pullThreadPoolQueueCapacity()));
        entries.put("flushConsumerOffsetInterval", Long.toString(broker.flushConsumerOffsetInterval()));
        entries.put("clientChannelMaxIdleTimeSeconds", Long.toString(broker.clientChannelMaxIdleTimeSeconds()));
        entries.put("enablePropertyFilter", Boolean.toString(broker.enablePropertyFilter()));
        entries.put("messageDelayLevel", broker.messageDelayLevel());
        entries.put("timerMaxDelaySec", Long.toString(broker.timerMaxDelaySec()));
        entries.put("transactionTimeOut", Long.toString(broker.transactionTimeOut()));
        entries.put("transactionCheckInterval", Long.toString(broker.transactionCheckInterval()));
        entries.put("transactionCheckMax", Integer.toString(broker.transactionCheckMax()));
        entries.put("compressedRegister", Boolean.toString(broker.compressedRegister()));
        entries.put("enableSplitRegistration", Boolean.toString(broker.enableSplitRegistration()));
        entries.put("splitRegistrationSize", Integer.toString(broker.splitRegistrationSize()));
    }

    private static void putLimits(Map<String, String> entries, ServerLimits limits) {
        entries.put("maxConnections", Integer.toString(limits.maxConnections()));
        entries.put("maxConnectionsPerAddress", Integer.toString(limits.maxConnectionsPerAddress()));
        entries.put("maxBufferedFrameBytes", Long.toString(limits.maxBufferedFrameBytes()));
        entries.put("maxPendingRequestsPerConnection", Integer.toString(limits.maxPendingRequestsPerConnection()));
        entries.put("writeBufferHighWaterMark", Integer.toString(limits.writeBufferHighWaterMark()));
        entries.put("writeBufferLowWaterMark", Integer.toString(limits.writeBufferLowWaterMark()));
        entries.put("maxPendingRequestBytesPerConnection", Long.toString(limits.maxPendingRequestBytesPerConnection()));
        entries.put("maxPendingRequestBytes", Long.toString(limits.maxPendingRequestBytes()));
    }

    private static void putStore(Map<String, String> entries, StoreConfig store) {
        entries.put("storePathRootDir", store.storePathRootDir().toString());
        entries.put("mappedFileSizeCommitLog", Integer.toString(store.mappedFileSizeCommitLog()));
        entries.put("mappedFileSizeConsumeQueue", Integer.toString(store.mappedFileSizeConsumeQueue()));
        entries.put("flushDiskType", store.flushDiskType().name());
        entries.put("flushIntervalCommitLog", Long.toString(store.flushIntervalCommitLog()));
        entries.put("flushIntervalConsumeQueue", Long.toString(store.flushIntervalConsumeQueue()));
        entries.put("syncFlushTimeout", Long.toString(store.syncFlushTimeout()));
        entries.put("maxMessageSize", Integer.toString(store.maxMessageSize()));
        entries.put("fileReservedTime", Integer.toString(store.fileReservedTime()));
        entries.put("deleteWhen", store.deleteWhen());
        entries.put("diskMaxUsedSpaceRatio", Integer.toString(store.diskMaxUsedSpaceRatio()));
        entries.put("diskSpaceWarningLevelRatio", Double.toString(store.diskSpaceWarningLevelRatio()));
        entries.put("cleanResourceInterval", Long.toString(store.cleanResourceInterval()));
        entries.put("maxHashSlotNum", Integer.toString(store.maxHashSlotNum()));
        entries.put("maxIndexNum", Integer.toString(store.maxIndexNum()));
        entries.put("warmMapedFileEnable", Boolean.toString(store.warmMapedFileEnable()));
        entries.put("checkCRCOnRecover", Boolean.toString(store.checkCRCOnRecover()));
        entries.put("maxTransferCountOnMessageInMemory", Integer.toString(store.maxTransferCountOnMessageInMemory()));
        entries.put("maxMappedConsumeQueueFiles", Integer.toString(store.maxMappedConsumeQueueFiles()));
        entries.put("maxTransferBytesOnMessageInMemory", Integer.toString(store.maxTransferBytesOnMessageInMemory()));
    }

    private static void putHa(Map<String, String> entries, HaConfig ha) {
        entries.put("haListenPort", Integer.toString(ha.haListenPort()));
        entries.put("haMasterAddress", ha.haMasterAddress());
        entries.put("haSendHeartbeatInterval", Long.toString(ha.haSendHeartbeatInterval()));
        entries.put("haHousekeepingInterval", Long.toString(ha.haHousekeepingInterval()));
        entries.put("haTransferBatchSize", Integer.toString(ha.haTransferBatchSize()));
        entries.put("haMaxGapNotInSync", Long.toString(ha.haMaxGapNotInSync()));
        entries.put("slaveReadEnable", Boolean.toString(ha.slaveReadEnable()));
        entries.put("accessMessageInMemoryMaxRatio", Integer.toString(ha.accessMessageInMemoryMaxRatio()));
    }
}
