package io.couriermq.broker.transaction;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.time.Clock;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable half of the resolution state: one op record per resolved half message in
 * {@link TransactionTopics#OP_TOPIC} (body = the half-queue offset, tag {@code d}, as the official
 * broker writes them, plus the outcome as a property), read back into a {@link ResolutionTable} at start.
 */
final class TransactionLog {
    private static final Logger log = LoggerFactory.getLogger(TransactionLog.class);
    private static final int REPLAY_BATCH = 256;

    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final Clock clock;

    TransactionLog(MessageStore store, InetSocketAddress storeHost, Clock clock) {
        this.store = store;
        this.storeHost = storeHost;
        this.clock = clock;
    }

    /** The op queue's max offset: where the next op record will land at the earliest. */
    long nextOpOffset() {
        return store.maxOffset(TransactionTopics.OP_TOPIC, TransactionTopics.QUEUE_ID);
    }

    /**
     * Stores the op record of {@code halfOffset} and waits for it (the caller runs on the transaction
     * executor or the checker thread, never on the send thread).
     *
     * @return where it landed in the op queue
     * @throws TransactionStoreException when the store refuses it
     */
    long record(long halfOffset, TransactionOutcome outcome) {
        Message op = Message.builder(TransactionTopics.OP_TOPIC, TransactionTopics.QUEUE_ID)
                .body(Long.toString(halfOffset).getBytes(StandardCharsets.UTF_8))
                .property(MessageConst.TAGS, TransactionTopics.OP_TAG)
                .property(TransactionTopics.OUTCOME_PROPERTY, outcome.name())
                .bornTimestampMs(clock.millis())
                .bornHost(storeHost)
                .storeHost(storeHost)
                .build();
        PutResult result = store.putMessage(op).join();
        if (!result.isOk()) {
            throw new TransactionStoreException("the op record of half message " + halfOffset + " (" + outcome
                    + ") was not stored: " + result.status() + " " + result.detail());
        }
        return result.firstQueueOffset();
    }

    /** Reads the op records from {@code progress.opOffset()} into {@code table}; returns how many counted. */
    int replay(TransactionProgress progress, ResolutionTable table) {
        long offset =
                Math.max(progress.opOffset(), store.minOffset(TransactionTopics.OP_TOPIC, TransactionTopics.QUEUE_ID));
        long end = nextOpOffset();
        int restored = 0;
        while (offset < end) {
            try (GetResult batch = store.getMessages(
                    TransactionTopics.OP_TOPIC, TransactionTopics.QUEUE_ID, offset, REPLAY_BATCH, MessageFilter.ALL)) {
                if (batch.status() != GetStatus.FOUND) {
                    log.warn("op queue read at {} found {}; replay stops there", offset, batch.status());
                    break;
                }
                for (RecordSlice slice : batch.records()) {
                    restored += restore(RecordView.at(slice.buffer(), 0), progress.halfOffset(), table);
                }
                offset = batch.nextBeginOffset();
            }
        }
        return restored;
    }

    private static int restore(RecordView op, long halfProgress, ResolutionTable table) {
        long halfOffset;
        TransactionOutcome outcome;
        try {
            byte[] body = new byte[op.bodyLength()];
            op.body().get(body);
            halfOffset = Long.parseLong(new String(body, StandardCharsets.UTF_8).trim());
            String recorded = op.properties().get(TransactionTopics.OUTCOME_PROPERTY);
            outcome = recorded == null ? TransactionOutcome.COMMITTED : TransactionOutcome.valueOf(recorded);
        } catch (IllegalArgumentException e) {
            log.warn("op record at queue offset {} is unreadable and skipped: {}", op.queueOffset(), e.getMessage());
            return 0;
        }
        if (halfOffset < halfProgress) {
            return 0;
        }
        table.restore(halfOffset, outcome, op.queueOffset());
        return 1;
    }
}
