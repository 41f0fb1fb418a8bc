package io.couriermq.spring.support;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.TransactionListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQLocalTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionState;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Adapts an application's {@link MQLocalTransactionListener} to the client: the local transaction sees
 * the Spring message the application sent (its payload object and headers); a check-back sees the stored
 * message with its body as payload.
 */
public final class TransactionListenerAdapter implements TransactionListener {
    private final MQLocalTransactionListener listener;

    public TransactionListenerAdapter(MQLocalTransactionListener listener) {
        this.listener = listener;
    }

    /** What the template passes as the client's argument: the application's message and argument. */
    public record Invocation(Message<?> message, Object argument) {}

    @Override
    public LocalTransactionState executeLocal(OutgoingMessage half, Object argument) {
        Message<?> message;
        Object applicationArgument;
        if (argument instanceof Invocation invocation) {
            String transactionId =
                    MQMessageMapper.toSpringMessage(half).getHeaders().get(MQHeaders.TRANSACTION_ID, String.class);
            message = transactionId == null
                    ? invocation.message()
                    : MessageBuilder.fromMessage(invocation.message())
                            .setHeader(MQHeaders.TRANSACTION_ID, transactionId)
                            .build();
            applicationArgument = invocation.argument();
        } else {
            message = MQMessageMapper.toSpringMessage(half);
            applicationArgument = argument;
        }
        return toClient(listener.executeLocalTransaction(message, applicationArgument));
    }

    @Override
    public LocalTransactionState check(ReceivedMessage message) {
        return toClient(listener.checkLocalTransaction(MQMessageMapper.toSpringMessage(message)));
    }

    static LocalTransactionState toClient(MQLocalTransactionState state) {
        if (state == null) {
            return LocalTransactionState.UNKNOWN;
        }
        return switch (state) {
            case COMMIT -> LocalTransactionState.COMMIT;
            case ROLLBACK -> LocalTransactionState.ROLLBACK;
            case UNKNOWN -> LocalTransactionState.UNKNOWN;
        };
    }
}
