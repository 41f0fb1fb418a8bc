package io.couriermq.broker.transaction;

import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parks transactional half messages in the half topic (remoting-protocol §6.8 step 2): the real topic
 * and queue kept in REAL_TOPIC / REAL_QID, the transaction id in {@code __transactionId__}, the
 * transaction bits cleared, queue 0 of {@link TransactionTopics#HALF_TOPIC}, where no consumer reads.
 *
 * <p>Every other message goes through the delivery diversions (delay levels, timers) it is built with;
 * a half message skips them, because a delay applies only once the message is committed — the commit
 * sends the real message through the same delivery diversions.
 */
public final class HalfMessageDiversion implements MessageDiversion {
    private final MessageDiversion delivery;

    public HalfMessageDiversion(MessageDiversion delivery) {
        this.delivery = delivery;
    }

    @Override
    public Message divert(Message message) {
        if (!isTransactional(message)) {
            return delivery.divert(message);
        }
        if (isRetryOfTransactionalMessage(message)) {
            // official rule: a consumer's retry of a transactional message is an ordinary (delayed) message
            return delivery.divert(message.toBuilder()
                    .sysFlag(MessageSysFlag.withTransactionType(message.sysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE))
                    .build());
        }
        return toHalf(message);
    }

    static boolean isTransactional(Message message) {
        return MessageSysFlag.transactionType(message.sysFlag()) == MessageSysFlag.TRANSACTION_PREPARED_TYPE
                || Boolean.parseBoolean(message.property(MessageConst.TRANSACTION_PREPARED));
    }

    private static boolean isRetryOfTransactionalMessage(Message message) {
        String level = message.property(MessageConst.DELAY_TIME_LEVEL);
        return message.reconsumeTimes() > 0
                && level != null
                && !level.isBlank()
                && !level.trim().equals("0");
    }

    private static Message toHalf(Message message) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.put(MessageConst.REAL_TOPIC, message.topic());
        properties.put(MessageConst.REAL_QUEUE_ID, Integer.toString(message.queueId()));
        String uniqueKey = message.uniqueKey();
        if (uniqueKey != null) {
            properties.put(MessageConst.TRANSACTION_ID, uniqueKey);
        }
        return message.toBuilder()
                .topic(TransactionTopics.HALF_TOPIC)
                .queueId(TransactionTopics.QUEUE_ID)
                .sysFlag(MessageSysFlag.withTransactionType(message.sysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE))
                .properties(properties)
                .build();
    }
}
