package io.couriermq.tools.soak;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.consumer.ConsumeContext;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consuming side: push consumers of one group in clustering mode, each on its own client runtime
 * (so each is a member of the group), and a restart that replaces them one at a time, round robin, as an
 * application's rolling restart would. Every delivery of this run's messages is checked and recorded.
 */
final class SoakConsumers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SoakConsumers.class);

    private final Supplier<ClientConfig.Builder> clients;
    private final String group;
    private final String topic;
    private final long runId;
    private final SoakLedger ledger;
    private final LongPredicate recordDelivery;
    private final List<PushConsumer> consumers = new ArrayList<>();
    private int generation;
    private int nextRestart;

    /**
     * {@code recordDelivery} decides whether a delivered id reaches the ledger: always in a run; a test
     * makes it lose one to prove the run then fails.
     */
    SoakConsumers(
            Supplier<ClientConfig.Builder> clients,
            String group,
            String topic,
            long runId,
            SoakLedger ledger,
            LongPredicate recordDelivery) {
        this.clients = clients;
        this.group = group;
        this.topic = topic;
        this.runId = runId;
        this.ledger = ledger;
        this.recordDelivery = recordDelivery;
    }

    synchronized void start(int count) {
        for (int i = 0; i < count; i++) {
            consumers.add(startOne());
        }
    }

    /** Closes one consumer (offsets persisted on close) and starts its replacement. */
    synchronized void restartOne() {
        int index = nextRestart++ % consumers.size();
        consumers.get(index).close();
        consumers.set(index, startOne());
        LOG.info("restarted consumer {} of group {}", index, group);
    }

    /** The group's lag over the live consumers' queues, as the broker counts it. */
    synchronized long lag() {
        return consumers.stream().mapToLong(PushConsumer::totalLag).sum();
    }

    @Override
    public synchronized void close() {
        consumers.forEach(PushConsumer::close);
        consumers.clear();
    }

    private PushConsumer startOne() {
        ClientConfig client = clients.get()
                .instanceName("soak-" + ProcessHandle.current().pid() + "-" + generation++)
                .build();
        ConsumerConfig config = ConsumerConfig.builder(group)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .build();
        return PushConsumer.create(client, config, this::consume)
                .subscribe(topic, "*")
                .start();
    }

    private ConsumeResult consume(ReceivedMessage message, ConsumeContext context) {
        byte[] body = message.body();
        OptionalLong sender = SoakBody.runId(body);
        if (sender.isEmpty() || sender.getAsLong() != runId) {
            return ConsumeResult.SUCCESS; // an earlier run's message, or not a soak message
        }
        if (!SoakBody.intact(body)) {
            LOG.error(
                    "message {} at {}:{} failed its checksum",
                    message.messageId(),
                    message.queueId(),
                    message.queueOffset());
            ledger.corrupt();
        } else if (recordDelivery.test(SoakBody.id(body))) {
            ledger.consumed(SoakBody.id(body));
        }
        return ConsumeResult.SUCCESS;
    }
}
