package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.body.ConsumeStatus;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.ProcessQueueInfo;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the GET_CONSUMER_RUNNING_INFO answer of a consumer. The properties carry the official keys the
 * admin tool reads (consume type, orderly, pool size, start time, NameServers, client version) and the
 * consumer's settings under the official setting names; figures are measured, never constants.
 */
public final class RunningInfoReport {
    /** The version the remoting version ordinal we announce stands for (RemotingCommand.PROTOCOL_VERSION). */
    static final String CLIENT_VERSION = "V5_2_0";

    private static final long MIB = 1024 * 1024;

    private RunningInfoReport() {}

    /** A push consumer: every assigned queue with its cache, lock and activity, and rates per topic. */
    public static ConsumerRunningInfo pushConsumer(
            ClientConfig client,
            ConsumerConfig config,
            boolean orderly,
            long startMs,
            Collection<SubscriptionData> subscriptions,
            AssignedQueues assigned,
            OffsetStore offsets,
            ConsumeStatsRecorder stats) {
        Map<String, String> properties = common(client, ConsumeType.CONSUME_PASSIVELY, startMs);
        properties.put("consumerGroup", config.group());
        properties.put("messageModel", config.messageModel().name());
        properties.put("consumeFromWhere", config.consumeFromWhere().name());
        properties.put("consumeThreadMin", String.valueOf(config.consumeThreads()));
        properties.put("consumeThreadMax", String.valueOf(config.consumeThreads()));
        properties.put("consumeMessageBatchMaxSize", String.valueOf(config.consumeBatchMaxSize()));
        properties.put("pullBatchSize", String.valueOf(config.pullBatchSize()));
        properties.put("pullThresholdForQueue", String.valueOf(config.maxCachedMessagesPerQueue()));
        properties.put("pullThresholdSizeForQueue", String.valueOf(config.maxCachedBytesPerQueue() / MIB));
        properties.put(
                "maxReconsumeTimes",
                String.valueOf(orderly ? config.orderlyMaxReconsumeTimes() : config.concurrentMaxReconsumeTimes()));
        properties.put("suspendCurrentQueueTimeMillis", String.valueOf(config.suspendCurrentQueueMs()));
        properties.put(
                "allocateMessageQueueStrategy", config.allocation().getClass().getSimpleName());
        properties.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, String.valueOf(orderly));
        properties.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, String.valueOf(config.consumeThreads()));

        Map<MessageQueue, ProcessQueueInfo> queues = new TreeMap<>();
        for (ProcessQueue processQueue : assigned.all()) {
            queues.put(processQueue.queue(), describe(processQueue, offsets, stats));
        }
        Map<String, ConsumeStatus> status = new TreeMap<>();
        subscriptions.forEach(subscription -> status.put(subscription.topic(), stats.status(subscription.topic())));
        return new ConsumerRunningInfo(properties, new LinkedHashSet<>(subscriptions), queues, status, null);
    }

    /**
     * A pull consumer: its queues with the committed offsets it holds; it has no process queues nor
     * listener, so only {@code commitOffset} is filled, and no rates.
     */
    public static ConsumerRunningInfo pullConsumer(
            ClientConfig client,
            String group,
            long startMs,
            Collection<SubscriptionData> subscriptions,
            Collection<MessageQueue> queues,
            OffsetStore offsets) {
        Map<String, String> properties = common(client, ConsumeType.CONSUME_ACTIVELY, startMs);
        properties.put("consumerGroup", group);
        properties.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "false");
        Map<MessageQueue, ProcessQueueInfo> table = new TreeMap<>();
        for (MessageQueue queue : queues) {
            table.put(
                    queue,
                    new ProcessQueueInfo(offsets.readMemory(queue), 0, 0, 0, 0, 0, 0, 0, false, 0, 0, false, 0, 0));
        }
        return new ConsumerRunningInfo(properties, new LinkedHashSet<>(subscriptions), table, Map.of(), null);
    }

    private static Map<String, String> common(ClientConfig client, ConsumeType type, long startMs) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("instanceName", client.instanceName());
        properties.put("clientIP", client.clientIp());
        properties.put("namesrvAddr", String.join(";", client.nameServerAddresses()));
        properties.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, type.name());
        properties.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(startMs));
        properties.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, nameServers(client));
        properties.put(ConsumerRunningInfo.PROP_CLIENT_VERSION, CLIENT_VERSION);
        properties.put("remotingVersionOrdinal", String.valueOf(RemotingCommand.PROTOCOL_VERSION));
        return properties;
    }

    /** As the official client writes it: every address followed by a semicolon. */
    private static String nameServers(ClientConfig client) {
        StringBuilder addresses = new StringBuilder();
        client.nameServerAddresses()
                .forEach(address -> addresses.append(address).append(';'));
        return addresses.toString();
    }

    private static ProcessQueueInfo describe(
            ProcessQueue processQueue, OffsetStore offsets, ConsumeStatsRecorder stats) {
        MessageQueue queue = processQueue.queue();
        // an orderly listener call holds the consume lock on the queue's first message
        boolean consumingOrderly = processQueue.consumeLock().isLocked();
        long consumingOffset = consumingOrderly ? processQueue.cachedMinOffset() : 0;
        return new ProcessQueueInfo(
                offsets.readMemory(queue),
                processQueue.cachedMinOffset(),
                processQueue.cachedMaxOffset(),
                processQueue.cachedCount(),
                (int) (processQueue.cachedBytes() / MIB),
                consumingOffset,
                consumingOffset,
                consumingOrderly ? 1 : 0,
                processQueue.holdsLock(),
                0,
                processQueue.lastLockMs(),
                processQueue.isDropped(),
                stats.lastPullMs(queue),
                stats.lastConsumeMs(queue));
    }
}
