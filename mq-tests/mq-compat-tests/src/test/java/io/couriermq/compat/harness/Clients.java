package io.couriermq.compat.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * The official clients of one test, all pointed at the cluster's NameServer, each with its own
 * instance name (so no two share a client factory), shut down in reverse order by {@link #close()}.
 */
public final class Clients implements AutoCloseable {

    private final String nameServerAddress;
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    public Clients(CompatCluster cluster) {
        this(cluster.nameServerAddress());
    }

    /** Clients of a cluster started some other way (several NameServers: {@code host:port;host:port}). */
    public Clients(String nameServerAddress) {
        this.nameServerAddress = nameServerAddress;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A started producer of a new group. */
    public DefaultMQProducer producer() {
        return producer(null);
    }

    /**
     * A started producer of a new group whose requests go through {@code hook} (an ACL signer), or
     * none when null. Its own instance name: a client instance keeps the hook of whoever created it.
     */
    public DefaultMQProducer producer(RPCHook hook) {
        DefaultMQProducer producer = new DefaultMQProducer(unique("compat-producer"), hook);
        producer.setNamesrvAddr(nameServerAddress);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName(unique("compat-producer"));
        shutdowns.push(producer::shutdown);
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("producer did not start", e);
        }
        return producer;
    }

    /**
     * A push consumer of {@code group}, not started: the caller subscribes, registers its listener and
     * starts it. A new group starts at the first offset, so messages sent before the first rebalance count.
     */
    public DefaultMQPushConsumer pushConsumer(String group) {
        return pushConsumer(group, null);
    }

    /** {@link #pushConsumer(String)} whose requests go through {@code hook} (an ACL signer), or none when null. */
    public DefaultMQPushConsumer pushConsumer(String group, RPCHook hook) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, hook, new AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(unique("compat-push"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(1_000);
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /** A lite pull consumer of {@code group}, not started. */
    public DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(unique("compat-lite"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollTimeoutMillis(1_000);
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /** The producer's low-level API: single requests to one broker, with the broker's exact answer. */
    public static MQClientAPIImpl api(DefaultMQProducer producer) {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    @Override
    public void close() {
        while (!shutdowns.isEmpty()) {
            try {
                shutdowns.pop().run();
            } catch (RuntimeException e) {
                // Best effort: the next client must still be shut down.
            }
        }
    }
}
