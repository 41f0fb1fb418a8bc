package io.couriermq.broker.transaction;

import io.couriermq.broker.send.SendRejection;
import io.couriermq.broker.transaction.ResolutionTable.Resolution;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37): the producer's commit (8), rollback (12) or "don't know yet" (0) for a half
 * message, found by its commit-log offset and checked against the producer group and half-queue offset
 * the producer was given (§6.8 step 4). A repeated or contradicting end is answered and changes nothing.
 *
 * <p>The request is oneway from the official client, so a refusal is also logged; a caller that asks
 * for an answer gets the code and remark.
 */
public final class EndTransactionProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.END_TRANSACTION);

    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final MessageStore store;
    private final TransactionResolver resolver;

    EndTransactionProcessor(MessageStore store, TransactionResolver resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        EndTransactionRequestHeader header = request.decodeHeader(EndTransactionRequestHeader::decode);
        Answer answer = end(header);
        if (answer.code() != ResponseCode.SUCCESS) {
            log.warn(
                    "END_TRANSACTION from {} (group {}, msgId {}) refused: {}",
                    context.channel().remoteAddress(),
                    header.producerGroup(),
                    header.msgId(),
                    answer.remark());
        }
        if (request.isOneway()) {
            return null;
        }
        return RemotingCommand.responseTo(request, answer.code())
                .remark(answer.remark())
                .build();
    }

    private Answer end(EndTransactionRequestHeader header) {
        int type = header.commitOrRollback();
        if (type == EndTransactionRequestHeader.TRANSACTION_NOT_TYPE) {
            return Answer.ok("state unknown: the half message stays unresolved and will be checked");
        }
        if (type != EndTransactionRequestHeader.TRANSACTION_COMMIT_TYPE
                && type != EndTransactionRequestHeader.TRANSACTION_ROLLBACK_TYPE) {
            return new Answer(
                    ResponseCode.SYSTEM_ERROR,
                    "commitOrRollback must be 0 (unknown), 8 (commit) or 12 (rollback), was " + type);
        }
        TransactionOutcome outcome = type == EndTransactionRequestHeader.TRANSACTION_COMMIT_TYPE
                ? TransactionOutcome.COMMITTED
                : TransactionOutcome.ROLLED_BACK;
        StoredMessage half;
        try {
            half = findHalf(header);
        } catch (IllegalArgumentException e) {
            return new Answer(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        try {
            Optional<Resolution> earlier = resolver.resolve(half, outcome, 0);
            return earlier.map(resolution ->
                            Answer.ok("the transaction was already " + resolution.describe() + "; nothing was stored"))
                    .orElseGet(() -> Answer.ok(null));
        } catch (SendRejection e) {
            return new Answer(e.code(), e.getMessage());
        } catch (TransactionStoreException e) {
            return new Answer(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    private StoredMessage findHalf(EndTransactionRequestHeader header) {
        long offset = header.commitLogOffset();
        StoredMessage half;
        try (RecordSlice record = store.readRecord(offset)
                .orElseThrow(() -> new IllegalArgumentException("no half message at commit log offset " + offset))) {
            half = MessageDecoder.decode(record.buffer(), 0);
        } catch (MalformedRecordException e) {
            throw new IllegalArgumentException("the record at commit log offset " + offset + " is unreadable", e);
        }
        if (!TransactionTopics.HALF_TOPIC.equals(half.message().topic())) {
            throw new IllegalArgumentException("the message at commit log offset " + offset
                    + " is not a half message (topic " + half.message().topic() + ")");
        }
        String group = HalfMessages.producerGroup(half);
        if (!header.producerGroup().equals(group)) {
            throw new IllegalArgumentException("the producer group " + header.producerGroup()
                    + " does not match the half message's group " + group + " (commit log offset " + offset + ")");
        }
        if (header.tranStateTableOffset() != half.queueOffset()) {
            throw new IllegalArgumentException("tranStateTableOffset " + header.tranStateTableOffset()
                    + " does not match the half message's queue offset " + half.queueOffset()
                    + " (commit log offset " + offset + ")");
        }
        if (half.message().property(MessageConst.REAL_TOPIC) == null
                || half.message().property(MessageConst.REAL_QUEUE_ID) == null) {
            throw new IllegalArgumentException(
                    "the half message at commit log offset " + offset + " has no REAL_TOPIC / REAL_QID");
        }
        return half;
    }

    private record Answer(ResponseCode code, String remark) {
        static Answer ok(String remark) {
            return new Answer(ResponseCode.SUCCESS, remark);
        }
    }
}
