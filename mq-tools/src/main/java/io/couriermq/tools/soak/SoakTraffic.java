package io.couriermq.tools.soak;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.client.producer.TransactionListener;
import io.couriermq.client.producer.TransactionProducer;
import io.couriermq.client.producer.TransactionSendResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producing side: one transactional producer (its group answers the check-backs) sends every kind
 * of message synchronously, keyed {@code soak-<id>}, and the ledger hears of each acknowledged one.
 * The kind travels as a property so a check-back is answered from the message alone.
 */
final class SoakTraffic implements AutoCloseable {
    static final String KIND_PROPERTY = "SOAK_KIND";
    private static final Logger LOG = LoggerFactory.getLogger(SoakTraffic.class);
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int DELAY_LEVELS_USED = 3;
    private static final int TIMER_SECONDS_MAX = 10;

    private final TransactionProducer producer;
    private final String topic;
    private final long runId;
    private final int size;
    private final SoakLedger ledger;
    private final AtomicLong sent = new AtomicLong();
    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private Histogram interval;

    SoakTraffic(ClientRuntime runtime, String group, String topic, long runId, int size, SoakLedger ledger) {
        this.producer =
                TransactionProducer.start(runtime, ProducerConfig.builder(group).build(), new Resolver());
        this.topic = topic;
        this.runId = runId;
        this.size = size;
        this.ledger = ledger;
    }

    /** Sends message {@code id} (its kind follows from the id) and waits for the answer. */
    void send(long id) {
        MessageKind kind = MessageKind.of(id);
        OutgoingMessage message = message(id, kind);
        sent.incrementAndGet();
        long start = System.nanoTime();
        try {
            boolean acknowledged = kind.transactional() ? sendInTransaction(message, kind) : sendPlain(message);
            latency.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, (System.nanoTime() - start) / 1000)));
            if (acknowledged) {
                ledger.acknowledged(id, kind);
            } else {
                ledger.sendFailed();
            }
        } catch (RuntimeException e) { // ClientException, or a producer that refuses: counted, the run goes on
            LOG.debug("send {} failed: {}", id, e.toString());
            ledger.sendFailed();
        }
    }

    long sent() {
        return sent.get();
    }

    /** The 99th percentile of the send latency since the last call, in milliseconds. */
    synchronized double intervalP99Ms() {
        interval = latency.getIntervalHistogram(interval);
        return interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99) / 1000.0;
    }

    private boolean sendPlain(OutgoingMessage message) {
        SendResult result = producer.send(message);
        return result.status() == SendStatus.SEND_OK;
    }

    private boolean sendInTransaction(OutgoingMessage message, MessageKind kind) {
        TransactionSendResult result = producer.sendInTransaction(message, kind);
        return result.halfMessage().status() == SendStatus.SEND_OK && result.localState() == localState(kind);
    }

    private OutgoingMessage message(long id, MessageKind kind) {
        OutgoingMessage.Builder builder = OutgoingMessage.builder(topic, SoakBody.encode(runId, id, size))
                .keys("soak-" + id)
                .property(KIND_PROPERTY, kind.name());
        long round = id / MessageKind.CYCLE;
        return switch (kind) {
            case DELAY_LEVEL ->
                builder.delayLevel(1 + (int) (round % DELAY_LEVELS_USED)).build();
            case TIMER ->
                builder.deliverAfter(Duration.ofSeconds(1 + round % TIMER_SECONDS_MAX))
                        .build();
            default -> builder.build();
        };
    }

    /** What the local transaction answers: check-back kinds leave it to the check. */
    private static LocalTransactionState localState(MessageKind kind) {
        return switch (kind) {
            case TX_COMMIT -> LocalTransactionState.COMMIT;
            case TX_ROLLBACK -> LocalTransactionState.ROLLBACK;
            default -> LocalTransactionState.UNKNOWN;
        };
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Local outcome by kind; the check-back commits or rolls back as the kind says. */
    private static final class Resolver implements TransactionListener {
        @Override
        public LocalTransactionState executeLocal(OutgoingMessage message, Object argument) {
            return localState((MessageKind) argument);
        }

        @Override
        public LocalTransactionState check(ReceivedMessage message) {
            String kind = message.property(KIND_PROPERTY);
            if (kind == null) {
                return LocalTransactionState.ROLLBACK; // not ours
            }
            return switch (MessageKind.valueOf(kind)) {
                case TX_COMMIT, TX_CHECK_COMMIT -> LocalTransactionState.COMMIT;
                default -> LocalTransactionState.ROLLBACK;
            };
        }
    }
}
