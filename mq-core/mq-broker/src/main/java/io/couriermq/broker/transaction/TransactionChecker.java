package io.couriermq.broker.transaction;

import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-back (§6.8 step 5): every {@code transactionCheckInterval} it reads the half queue from its
 * progress, and asks a live producer of the group about each unresolved half message older than
 * {@code transactionTimeOut} (or its CHECK_IMMUNITY_TIME_IN_SECONDS for the first check), with a oneway
 * CHECK_TRANSACTION_STATE. Every round counts as one check, also when no producer of the group is online;
 * after {@code transactionCheckMax} checks the message is moved to the audit topic. A failing check is
 * logged and the round goes on with the next message.
 *
 * <p>Its progress (first unresolved half offset, op-replay start, check counts) is persisted after each
 * round that changed it, so a restart resumes where it was and never forgets an unresolved message.
 */
final class TransactionChecker extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(TransactionChecker.class);
    private static final int READ_BATCH = 64;

    /**
     * @param transactionTimeOutMs age of a half message before it is first checked
     * @param checkMax checks before a half message is given up
     * @param brokerName echoed by the producer in END_TRANSACTION ({@code bname})
     */
    record Settings(
            long intervalMs, long transactionTimeOutMs, int checkMax, String brokerName, InetSocketAddress storeHost) {}

    private final Settings settings;
    private final MessageStore store;
    private final ResolutionTable table;
    private final TransactionLog opLog;
    private final TransactionResolver resolver;
    private final ProducerGroupRegistry producers;
    private final AtomicJsonFile progressFile;
    private final Clock clock;
    private final Map<Long, Integer> checkCounts = new HashMap<>();
    private long halfProgress;
    private long opProgress;
    private boolean countsChanged;

    TransactionChecker(
            Settings settings,
            MessageStore store,
            ResolutionTable table,
            TransactionLog opLog,
            TransactionResolver resolver,
            ProducerGroupRegistry producers,
            AtomicJsonFile progressFile,
            Clock clock) {
        super("transaction-checker", settings.intervalMs());
        this.settings = settings;
        this.store = store;
        this.table = table;
        this.opLog = opLog;
        this.resolver = resolver;
        this.producers = producers;
        this.progressFile = progressFile;
        this.clock = clock;
    }

    /** Loads the progress and rebuilds the resolution table from the op records; call before {@link #start}. */
    synchronized void recover() {
        TransactionProgress progress =
                progressFile.read(TransactionProgress.class).orElseGet(TransactionProgress::initial);
        halfProgress = progress.halfOffset();
        opProgress = progress.opOffset();
        checkCounts.putAll(progress.checkCounts());
        table.forgetBelow(halfProgress);
        int restored = opLog.replay(progress, table);
        log.info(
                "transactions: half queue checked from offset {}, {} resolutions restored from op offset {},"
                        + " {} half messages checked before",
                halfProgress,
                restored,
                opProgress,
                checkCounts.size());
    }

    @Override
    protected void runOnce() {
        checkRound();
    }

    @Override
    protected void onStop() {
        persist();
    }

    /** One round over the half queue. Synchronized so a test can run rounds while the thread also does. */
    synchronized void checkRound() {
        long now = clock.millis();
        long offset = Math.max(halfProgress, store.minOffset(TransactionTopics.HALF_TOPIC, TransactionTopics.QUEUE_ID));
        long end = store.maxOffset(TransactionTopics.HALF_TOPIC, TransactionTopics.QUEUE_ID);
        long passable = offset;
        boolean passing = true;
        while (offset < end && !isStopping()) {
            try (GetResult batch = store.getMessages(
                    TransactionTopics.HALF_TOPIC, TransactionTopics.QUEUE_ID, offset, READ_BATCH, MessageFilter.ALL)) {
                if (batch.status() != GetStatus.FOUND) {
                    break;
                }
                for (RecordSlice slice : batch.records()) {
                    long halfOffset = RecordView.at(slice.buffer(), 0).queueOffset();
                    if (!table.isClaimed(halfOffset)) {
                        examineGuarded(slice, now);
                    }
                    passing = passing && table.isConfirmed(halfOffset);
                    if (passing) {
                        passable = halfOffset + 1;
                    }
                }
                offset = batch.nextBeginOffset();
            }
        }
        advance(passable);
    }

    private void examineGuarded(RecordSlice slice, long now) {
        try {
            examine(MessageDecoder.decode(slice.buffer(), 0), now);
        } catch (RuntimeException e) {
            log.warn("checking the half message at commit log offset {} failed: {}", slice.commitLogOffset(), e);
        }
    }

    private void examine(StoredMessage half, long now) {
        long halfOffset = half.queueOffset();
        int checks = checkCounts.getOrDefault(halfOffset, 0);
        long age = now - half.storeTimestampMs();
        if (age < settings.transactionTimeOutMs()
                || (checks == 0 && age < HalfMessages.firstCheckAfterMs(half, settings.transactionTimeOutMs()))) {
            return;
        }
        if (checks >= settings.checkMax()) {
            discard(half, checks);
            return;
        }
        checkCounts.put(halfOffset, checks + 1);
        countsChanged = true;
        String group = HalfMessages.producerGroup(half);
        Optional<RemotingChannel> channel = group == null ? Optional.empty() : producers.anyProducerChannel(group);
        if (channel.isEmpty()) {
            log.debug("no live producer of group {} to check half message {}; next round", group, halfOffset);
            return;
        }
        send(channel.get(), half, checks + 1);
    }

    private void send(RemotingChannel channel, StoredMessage half, int checkTimes) {
        String uniqueKey = half.message().uniqueKey();
        String transactionId = half.message().property(MessageConst.TRANSACTION_ID);
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader(
                half.queueOffset(),
                half.commitLogOffset(),
                uniqueKey,
                transactionId != null ? transactionId : uniqueKey,
                MessageId.encode(settings.storeHost(), half.commitLogOffset()),
                HalfMessages.realTopic(half),
                settings.brokerName());
        RemotingCommand request = RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE)
                .header(header)
                .body(HalfMessages.checkBody(half, checkTimes))
                .build();
        channel.invokeOneway(request).whenComplete((written, failure) -> {
            if (failure != null) {
                log.warn(
                        "check-back of half message {} to {} failed: {}",
                        half.queueOffset(),
                        channel,
                        failure.toString());
            }
        });
    }

    private void discard(StoredMessage half, int checks) {
        if (resolver.resolve(half, TransactionOutcome.DISCARDED, checks).isEmpty()) {
            log.warn(
                    "half message {} (transaction {}, producer group {}, topic {}) got no answer to {} check-backs;"
                            + " moved to {}",
                    half.queueOffset(),
                    half.message().uniqueKey(),
                    HalfMessages.producerGroup(half),
                    HalfMessages.realTopic(half),
                    checks,
                    TransactionTopics.CHECK_MAX_TOPIC);
        }
    }

    private void advance(long passable) {
        long opEnd = opLog.nextOpOffset();
        boolean changed = passable != halfProgress || countsChanged;
        countsChanged = false;
        halfProgress = passable;
        table.forgetBelow(halfProgress);
        checkCounts.keySet().removeIf(halfOffset -> halfOffset < halfProgress || table.isClaimed(halfOffset));
        long neededOp = Math.min(opEnd, table.firstNeededOpOffset(opEnd));
        changed |= neededOp != opProgress;
        opProgress = neededOp;
        if (changed) {
            persist();
        }
    }

    private synchronized void persist() {
        progressFile.write(new TransactionProgress(halfProgress, opProgress, checkCounts));
    }

    /** Half messages neither resolved nor passed yet: for tests and admin views. */
    synchronized long halfProgress() {
        return halfProgress;
    }
}
