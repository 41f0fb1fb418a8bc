package io.couriermq.compat.crash;

import io.couriermq.compat.harness.Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Half messages left UNKNOW by the local transaction, to be resolved only by the broker's check-back: a key
 * starting with {@code commit} is committed there, any other rolled back. The official 5.2.0
 * TransactionMQProducer keeps running across the broker's restarts to answer.
 */
public final class PendingTransactions implements TransactionListener, AutoCloseable {
    private final TransactionMQProducer producer;
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private final List<String> rollbacks = new CopyOnWriteArrayList<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public PendingTransactions(String nameServerAddress) {
        producer = new TransactionMQProducer(Clients.unique("crash-tx"));
        producer.setNamesrvAddr(nameServerAddress);
        producer.setInstanceName(Clients.unique("crash-tx"));
        producer.setVipChannelEnabled(false);
        producer.setTransactionListener(this);
        // A restarted broker checks back only producers that have sent it a heartbeat since (default every 30 s).
        producer.setHeartbeatBrokerInterval(1_000);
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("transaction producer did not start", e);
        }
    }

    /** Sends a half message whose local transaction stays UNKNOW; false when not acknowledged. */
    public boolean sendUnknown(String topic, String key) throws Exception {
        TransactionSendResult result =
                producer.sendMessageInTransaction(new Message(topic, "", key, CrashBody.of(key)), null);
        if (result.getSendStatus() != SendStatus.SEND_OK
                || result.getLocalTransactionState() != LocalTransactionState.UNKNOW) {
            return false;
        }
        (key.startsWith("commit") ? commits : rollbacks).add(key);
        return true;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        return LocalTransactionState.UNKNOW;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        checked.add(message.getKeys());
        return message.getKeys().startsWith("commit")
                ? LocalTransactionState.COMMIT_MESSAGE
                : LocalTransactionState.ROLLBACK_MESSAGE;
    }

    public int count() {
        return commits.size() + rollbacks.size();
    }

    /** Every committed one readable and every rolled-back one asked about by a check-back. */
    public boolean resolved(TopicReader reader) {
        return commits.stream().noneMatch(key -> reader.seen(key).isEmpty()) && checked.containsAll(rollbacks);
    }

    /** Committed ones missing or corrupt, rolled-back ones delivered; empty when all is well. */
    public List<String> problems(TopicReader reader) {
        List<String> problems = new ArrayList<>();
        for (String key : commits) {
            List<TopicReader.Seen> copies = reader.seen(key);
            if (copies.isEmpty()) {
                problems.add("committed by check-back, never delivered: " + key);
            } else if (copies.stream().anyMatch(copy -> !copy.intact())) {
                problems.add("committed, corrupt: " + key + " " + copies);
            }
        }
        for (String key : rollbacks) {
            if (!reader.seen(key).isEmpty()) {
                problems.add("rolled back by check-back, yet delivered: " + key + " " + reader.seen(key));
            }
        }
        return problems;
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
