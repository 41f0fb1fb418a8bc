package io.couriermq.broker.transaction;

import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.broker.transaction.ResolutionTable.Resolution;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves half messages: commit (store the real message through the delivery diversions), rollback, or
 * discard after too many checks (store the audit copy). The {@link ResolutionTable} claim makes each one
 * happen at most once, whoever asks and however often; the op record makes it durable.
 *
 * <p>The real message is stored before the op record. A crash between the two leaves a committed message
 * whose half message looks unresolved after the restart; a later commit of such a half message (one
 * stored before this start) first looks the real message up by its unique key and PREPAREDTRANSACTIONOFFSET
 * in the index, so it is not stored twice.
 */
final class TransactionResolver {
    private static final Logger log = LoggerFactory.getLogger(TransactionResolver.class);
    private static final int DUPLICATE_LOOKUP_LIMIT = 32;

    private final MessageStore store;
    private final ResolutionTable table;
    private final TransactionLog opLog;
    private final MessageDiversion delivery;
    private final Runnable ensureAuditTopic;
    private final long commitLogOffsetAtStart;

    TransactionResolver(
            MessageStore store,
            ResolutionTable table,
            TransactionLog opLog,
            MessageDiversion delivery,
            Runnable ensureAuditTopic,
            long commitLogOffsetAtStart) {
        this.store = store;
        this.table = table;
        this.opLog = opLog;
        this.delivery = delivery;
        this.ensureAuditTopic = ensureAuditTopic;
        this.commitLogOffsetAtStart = commitLogOffsetAtStart;
    }

    /**
     * Resolves {@code half} as {@code outcome} unless it is resolved already.
     *
     * @return the earlier resolution when there was one (nothing was done), empty when this call resolved it
     * @throws SendRejection when the delivery diversions refuse the committed message (left unresolved)
     * @throws TransactionStoreException when the store refuses a record (left unresolved, or, if the real
     *     message is stored already, claimed but unconfirmed so it is never stored twice)
     */
    Optional<Resolution> resolve(StoredMessage half, TransactionOutcome outcome, int checkTimes) {
        long halfOffset = half.queueOffset();
        Optional<Resolution> earlier = table.claim(halfOffset, outcome, opLog.nextOpOffset());
        if (earlier.isPresent()) {
            return earlier;
        }
        try {
            switch (outcome) {
                case COMMITTED -> storeCommitted(half);
                case DISCARDED -> storeAuditCopy(half, checkTimes);
                case ROLLED_BACK -> {}
            }
        } catch (RuntimeException e) {
            table.release(halfOffset);
            throw e;
        }
        try {
            table.confirm(halfOffset, opLog.record(halfOffset, outcome));
        } catch (RuntimeException e) {
            log.error(
                    "half message {} is {} but its op record failed; it stays claimed for this run: {}",
                    halfOffset,
                    outcome.description(),
                    e.getMessage());
            throw e;
        }
        return Optional.empty();
    }

    private void storeCommitted(StoredMessage half) {
        Message real = delivery.divert(HalfMessages.committed(half));
        if (half.commitLogOffset() < commitLogOffsetAtStart && alreadyStored(real, half)) {
            log.info(
                    "half message {} was committed before the restart (found in {}); not stored again",
                    half.queueOffset(),
                    real.topic());
            return;
        }
        put(real, "the committed message of half message " + half.queueOffset());
    }

    private void storeAuditCopy(StoredMessage half, int checkTimes) {
        ensureAuditTopic.run();
        put(HalfMessages.discarded(half, checkTimes), "the audit copy of half message " + half.queueOffset());
    }

    private void put(Message message, String what) {
        PutResult result = store.putMessage(message).join();
        if (!result.isOk()) {
            throw new TransactionStoreException(
                    what + " was not stored in " + message.topic() + ": " + result.status() + " " + result.detail());
        }
    }

    private boolean alreadyStored(Message real, StoredMessage half) {
        if (real.uniqueKey() == null) {
            return false;
        }
        try (QueryResult found = store.queryByKey(
                real.topic(), real.uniqueKey(), DUPLICATE_LOOKUP_LIMIT, half.storeTimestampMs(), Long.MAX_VALUE)) {
            for (RecordSlice record : found.records()) {
                if (RecordView.at(record.buffer(), 0).preparedTransactionOffset() == half.commitLogOffset()) {
                    return true;
                }
            }
            return false;
        }
    }
}
