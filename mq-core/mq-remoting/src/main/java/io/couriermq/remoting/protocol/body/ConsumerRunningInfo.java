package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * GET_CONSUMER_RUNNING_INFO answer of a client (relayed by the broker to the admin tool): the consumer's
 * settings as {@code properties}, its subscriptions, its queues ({@code mqTable}, string keys, §3.0),
 * rates per topic ({@code statusTable}) and, when asked for, a thread dump ({@code jstack}). The admin
 * tool reads {@link #PROP_CONSUME_TYPE} to tell push from pull consumers, so it is always set.
 */
@JsonPropertyOrder({"jstack", "mqTable", "properties", "statusTable", "subscriptionSet"})
public record ConsumerRunningInfo(
        Map<String, String> properties,
        @JsonDeserialize(as = LinkedHashSet.class) Set<SubscriptionData> subscriptionSet,
        Map<MessageQueue, ProcessQueueInfo> mqTable,
        Map<String, ConsumeStatus> statusTable,
        String jstack) {

    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

    public ConsumerRunningInfo {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        subscriptionSet = Copies.orderedSet(subscriptionSet);
        mqTable = Copies.queueTable(mqTable);
        statusTable = statusTable == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(statusTable));
    }

    /** The same report with a thread dump. */
    public ConsumerRunningInfo withJstack(String dump) {
        return new ConsumerRunningInfo(properties, subscriptionSet, mqTable, statusTable, dump);
    }
}
