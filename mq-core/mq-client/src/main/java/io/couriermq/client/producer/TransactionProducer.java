package io.couriermq.client.producer;

import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactional sends: the message is stored as a half message, the local transaction runs, and the
 * broker is told to commit or roll back. When that word is lost or the outcome was unknown, the broker
 * asks this producer's group again (check-back) and {@link TransactionListener#check} answers.
 */
public final class TransactionProducer extends Producer {
    private static final Logger log = LoggerFactory.getLogger(TransactionProducer.class);

    private final TransactionListener listener;

    private TransactionProducer(
            ClientRuntime runtime, ProducerConfig config, TransactionListener listener, ProducerObserver observer) {
        super(runtime, false, config, observer, new CheckAnswerer(config.group(), listener));
        this.listener = listener;
    }

    public static TransactionProducer start(
            ClientRuntime runtime, ProducerConfig config, TransactionListener listener) {
        return start(runtime, config, listener, ProducerObserver.NONE);
    }

    /**
     * A transactional producer whose sends, half messages included, are reported to {@code observer}
     * (metrics and tracing see transactional traffic like any other).
     */
    public static TransactionProducer start(
            ClientRuntime runtime, ProducerConfig config, TransactionListener listener, ProducerObserver observer) {
        return new TransactionProducer(
                runtime,
                config,
                Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(observer, "observer"));
    }

    /**
     * Stores {@code message} as a half message, runs the local transaction with {@code argument}, and
     * tells the broker the outcome. A half message the broker refused is not run locally.
     */
    public TransactionSendResult sendInTransaction(OutgoingMessage message, Object argument) {
        if (message.delayLevel() > 0) {
            throw new ClientException("transactional messages cannot be delayed", -1, false);
        }
        OutgoingMessage half = message.withProperty(MessageConst.TRANSACTION_PREPARED, "true")
                .withProperty(MessageConst.PRODUCER_GROUP, config().group());
        SendResult sent = BrokerRpc.join(dispatch(half, MessageSysFlag.TRANSACTION_PREPARED_TYPE, null, null));
        if (sent.status() != SendStatus.SEND_OK) {
            endTransaction(sent, LocalTransactionState.ROLLBACK, "half message status " + sent.status());
            return new TransactionSendResult(sent, LocalTransactionState.ROLLBACK);
        }
        // the broker checks back only with a group member it knows: make sure it has heard of this one
        runtime()
                .heartbeats()
                .sendTo(runtime().routes().masterAddress(sent.queue().brokerName()));
        LocalTransactionState state;
        try {
            state = listener.executeLocal(identified(half, sent), argument);
            if (state == null) {
                state = LocalTransactionState.UNKNOWN;
            }
        } catch (RuntimeException e) {
            log.warn("local transaction of {} failed; the broker will check back", sent.messageId(), e);
            state = LocalTransactionState.UNKNOWN;
        }
        endTransaction(sent, state, null);
        return new TransactionSendResult(sent, state);
    }

    /** The half message as stored: with its message id and transaction id, as the listener may record them. */
    private static OutgoingMessage identified(OutgoingMessage half, SendResult sent) {
        String transactionId = sent.transactionId() != null ? sent.transactionId() : sent.messageId();
        return half.withProperty(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, sent.messageId())
                .withProperty(MessageConst.TRANSACTION_ID, transactionId);
    }

    private void endTransaction(SendResult sent, LocalTransactionState state, String remark) {
        String address = runtime().routes().masterAddress(sent.queue().brokerName());
        if (address == null) {
            log.warn("no master for {} to end transaction {}; the check-back will settle it", sent.queue(), sent);
            return;
        }
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION)
                .header(new EndTransactionRequestHeader(
                        config().group(),
                        sent.queueOffset(),
                        MessageId.decode(sent.offsetMessageId()).commitLogOffset(),
                        state.wireValue(),
                        false,
                        sent.messageId(),
                        sent.transactionId() != null ? sent.transactionId() : sent.messageId(),
                        sent.queue().topic(),
                        sent.queue().brokerName()))
                .remark(remark)
                .build();
        runtime().brokers().oneway(address, request).exceptionally(failure -> {
            log.warn("END_TRANSACTION {} for {} was not sent; the check-back will settle it", state, sent, failure);
            return null;
        });
    }

    /**
     * Answers CHECK_TRANSACTION_STATE on the connection it came on (signed there like every request of a
     * runtime with credentials: an ACL broker would refuse an unsigned answer and check again and again).
     */
    private record CheckAnswerer(String group, TransactionListener listener)
            implements io.couriermq.client.internal.TransactionCheckHandler {

        @Override
        public void check(RemotingChannel broker, RemotingCommand request) {
            CheckTransactionStateRequestHeader header =
                    request.decodeHeader(CheckTransactionStateRequestHeader::decode);
            ReceivedMessage message =
                    ReceivedMessage.of(MessageDecoder.decode(ByteBuffer.wrap(request.body()), 0), header.brokerName());
            LocalTransactionState state;
            try {
                state = listener.check(message);
                if (state == null) {
                    state = LocalTransactionState.UNKNOWN;
                }
            } catch (RuntimeException e) {
                log.warn("transaction check of {} failed; answering UNKNOWN", message.messageId(), e);
                state = LocalTransactionState.UNKNOWN;
            }
            String transactionId = header.transactionId() != null ? header.transactionId() : message.messageId();
            RemotingCommand answer = RemotingCommand.request(RequestCode.END_TRANSACTION)
                    .header(new EndTransactionRequestHeader(
                            group,
                            header.tranStateTableOffset(),
                            header.commitLogOffset(),
                            state.wireValue(),
                            true,
                            message.messageId(),
                            transactionId,
                            message.topic(),
                            header.brokerName()))
                    .build();
            broker.invokeOneway(answer).exceptionally(failure -> {
                log.warn("answer to the transaction check of {} was not sent", message.messageId(), failure);
                return null;
            });
        }
    }
}
