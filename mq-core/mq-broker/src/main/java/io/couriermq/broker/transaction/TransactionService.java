package io.couriermq.broker.transaction;

import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.store.MessageStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Transactional messages, wired: the send-path diversion that parks half messages, the END_TRANSACTION
 * processor and the check-back service, sharing one resolution table. Built after the store is open;
 * {@link #start} rebuilds the resolution state from disk before anything is checked.
 */
public final class TransactionService {
    private final HalfMessageDiversion sendDiversion;
    private final EndTransactionProcessor endTransaction;
    private final TransactionChecker checker;

    /**
     * @param delivery the diversions every deliverable message goes through (delays, timers): applied to
     *     other messages at send time and to committed messages at commit time
     */
    public TransactionService(
            BrokerConfig config,
            MessageStore store,
            TopicConfigManager topics,
            ProducerGroupRegistry producers,
            MessageDiversion delivery,
            InetSocketAddress storeHost,
            Path configDir,
            Clock clock) {
        ResolutionTable table = new ResolutionTable();
        TransactionLog opLog = new TransactionLog(store, storeHost, clock);
        TransactionResolver resolver = new TransactionResolver(
                store,
                table,
                opLog,
                delivery,
                () -> ensureAuditTopic(topics),
                store.stats().commitLogMaxOffset());
        this.sendDiversion = new HalfMessageDiversion(delivery);
        this.endTransaction = new EndTransactionProcessor(store, resolver);
        this.checker = new TransactionChecker(
                new TransactionChecker.Settings(
                        config.transactionCheckInterval(),
                        config.transactionTimeOut(),
                        config.transactionCheckMax(),
                        config.brokerName(),
                        storeHost),
                store,
                table,
                opLog,
                resolver,
                producers,
                new AtomicJsonFile(configDir.resolve("transactionProgress.json")),
                clock);
    }

    /** The diversion for the send path: half messages to the half topic, everything else to {@code delivery}. */
    public MessageDiversion sendDiversion() {
        return sendDiversion;
    }

    public EndTransactionProcessor endTransactionProcessor() {
        return endTransaction;
    }

    public void start() {
        checker.recover();
        checker.start();
    }

    /** Runs one check-back round now, on the caller's thread (tests; an admin trigger). */
    public void checkNow() {
        checker.checkRound();
    }

    /** Every half message below this half-queue offset is resolved or discarded. */
    public long resolvedBelow() {
        return checker.halfProgress();
    }

    public void shutdown() {
        checker.shutdown();
    }

    /** Stops checking without persisting the check progress, as a crash would. */
    public void halt() {
        checker.halt();
    }

    private static void ensureAuditTopic(TopicConfigManager topics) {
        if (topics.find(TransactionTopics.CHECK_MAX_TOPIC).isEmpty()) {
            topics.createOrUpdate(new TopicConfig(
                    TransactionTopics.CHECK_MAX_TOPIC, 1, 1, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of()));
        }
    }
}
