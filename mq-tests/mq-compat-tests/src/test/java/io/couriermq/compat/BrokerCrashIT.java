package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.crash.AckLedger;
import io.couriermq.compat.crash.AimedKill;
import io.couriermq.compat.crash.CourierProducerProcess;
import io.couriermq.compat.crash.CrashBody;
import io.couriermq.compat.crash.CrashNode;
import io.couriermq.compat.crash.KillPlan;
import io.couriermq.compat.crash.KillTally;
import io.couriermq.compat.crash.KillTarget;
import io.couriermq.compat.crash.OffsetCommitter;
import io.couriermq.compat.crash.PendingTransactions;
import io.couriermq.compat.crash.TimedMessages;
import io.couriermq.compat.crash.TimerWindows;
import io.couriermq.compat.crash.TopicReader;
import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.Clients;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash durability of our real broker process: the broker jar in standalone mode (NameServer and broker in
 * one process, SYNC_FLUSH, 1 MiB commit-log segments and 100-entry consume-queue files, so segments roll
 * every few seconds), loaded with keyed sync sends by the official 5.2.0 producer (two threads) and by our producer
 * (its own JVM, {@link CourierProducerProcess}), SIGKILLed once a cycle and started again on the same store.
 * Each kill is aimed ({@link KillPlan}): at a random moment, or at the instant one store event is seen in the
 * store directory from outside ({@link AimedKill}): a commit-log segment roll, a store checkpoint write (right
 * after the consume queues and index are forced), a consume-queue file roll, or a timer window switch. An
 * event not seen within {@value #AIM_BOUND_SECONDS} s falls back to a kill then, counted as a miss. After
 * every restart:
 *
 * <ul>
 *   <li>every acknowledged message is read back intact by key, and every queue's offsets are dense;
 *   <li>a consumer group's offsets (committed every 100 ms) are not behind what was confirmed {@value
 *       #OFFSET_PERSISTED_AFTER_MS} ms before the kill: the broker writes committed offsets every
 *       flushConsumerOffsetInterval (500 ms here), as RocketMQ does, so the commits of the last interval may
 *       be lost to a SIGKILL (a redelivery, never a loss); how far they went back is printed;
 *   <li>delay-level and timer messages pending at the kill arrive after the restart, none stored before
 *       its time, none lost;
 *   <li>half messages left UNKNOW at the kill are resolved by check-back: the committed delivered, the
 *       rolled back not.
 * </ul>
 *
 * Kill targets and random moments come from a seed printed at the start; {@code -Dcrash.seed=N} replays
 * them. {@code verify} runs 3 cycles (three different aimed targets); {@code -Dcrash.kill.cycles=N} more, and
 * the {@code crash} profile 100 (20 per target; mq-compat-tests/pom.xml). Each cycle's aim, whether it hit
 * and how soon after the event the signal went are printed and written to crash-cycles.txt.
 *
 * <p>{@code -Dcompat.broker=official} runs the same cycles against Apache RocketMQ 5.2.0's broker (beside a
 * NameServer process of its own, which is not killed: {@link CrashNode}), to check the expectations are real.
 * They are, but for one: 5.2.0 persists committed offsets only from 10 s after its start, so there the offset
 * bound is reported, not asserted.
 */
class BrokerCrashIT {
    private static final Logger log = LoggerFactory.getLogger(BrokerCrashIT.class);
    private static final String TOPIC = "CrashAcked";
    private static final String TIMED_TOPIC = "CrashTimed";
    private static final String TX_TOPIC = "CrashTransactions";
    private static final int QUEUES = 4;
    private static final int OFFICIAL_SENDERS = 2;
    /**
     * Delay level 2 is 5 s by default: pending at the kill, which comes 1-3 s after it is sent (a random
     * moment, or an aimed event, which comes within 3 s but for a miss, killed after 10 s).
     */
    private static final long DELAY_LEVEL_2_MS = 5_000;
    /** A half message is first checked this long after it was sent: after the kill, which comes sooner. */
    private static final long TRANSACTION_TIMEOUT_MS = 4_000;

    private static final long OFFSET_PERSIST_INTERVAL_MS = 500;
    /** Three persist intervals: a commit confirmed this long before the kill has been written. */
    private static final long OFFSET_PERSISTED_AFTER_MS = 1_500;

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final int AIM_BOUND_SECONDS = 10;
    /** A target aimed at this often without one hit has a probe that no longer matches the broker. */
    private static final int AIMS_THAT_MUST_HIT_ONCE = 3;
    /** With more cycles the acknowledged topic is read whole every this many cycles, else from the last read. */
    private static final int FULL_READ_EVERY = 10;

    private final AckLedger ledger = new AckLedger();
    private final TimedMessages timed = new TimedMessages();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final KillTally aims = new KillTally();
    private AimedKill killer;
    private Path figures;
    // The parts one run drives, set by the test method, closed by its try blocks.
    private CrashNode crashNode;
    private Broker node;
    private Admin admin;
    private DefaultMQProducer producer;
    private PendingTransactions transactions;
    private CourierProducerProcess ours;
    private OffsetCommitter committer;
    private TopicReader acked;
    private TopicReader timedRead;
    private TopicReader transactionRead;

    @Test
    void acknowledgedAndPendingMessagesAndCommittedOffsetsSurviveSigkill() throws Exception {
        int cycles = Integer.getInteger("crash.kill.cycles", 3);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dir = WorkDir.fresh("BrokerCrashIT");
        figures = dir.resolve("crash-cycles.txt");
        report("CRASH broker=" + ServerKind.selected(Broker.KIND_PROPERTY) + " seed=" + seed + " cycles=" + cycles
                + ": replay these kill targets with -Dcrash.seed=" + seed);
        KillPlan plan = new KillPlan(random);
        List<Thread> senders = new ArrayList<>();
        try (CrashNode started = CrashNode.startSelected(dir.resolve("node"), settings());
                // Started first: its JVM compiles its source while the topics are created (it retries meanwhile).
                CourierProducerProcess ours =
                        CourierProducerProcess.start(dir, started.nameServerAddress(), TOPIC, "courier-");
                Admin admin = Admin.connect(started.nameServerAddress());
                Clients clients = new Clients(started.nameServerAddress());
                PendingTransactions transactions = new PendingTransactions(started.nameServerAddress());
                TopicReader acked = new TopicReader(started.nameServerAddress(), TOPIC);
                TopicReader timedRead = new TopicReader(started.nameServerAddress(), TIMED_TOPIC);
                TopicReader transactionRead = new TopicReader(started.nameServerAddress(), TX_TOPIC);
                AimedKill killer = new AimedKill(Duration.ofSeconds(AIM_BOUND_SECONDS))) {
            this.killer = killer;
            report("CRASH aimed kills are watched for by a thread at " + killer.watchPriority());
            this.crashNode = started;
            this.node = started.broker();
            this.ours = ours;
            this.admin = admin;
            this.transactions = transactions;
            this.acked = acked;
            this.timedRead = timedRead;
            this.transactionRead = transactionRead;
            awaitRegistered();
            admin.createTopic(node, TOPIC, QUEUES, Duration.ofSeconds(30));
            admin.createTopic(node, TIMED_TOPIC, 2, Duration.ofSeconds(30));
            admin.createTopic(node, TX_TOPIC, 2, Duration.ofSeconds(30));
            producer = clients.producer();
            producer.setSendMsgTimeout(3_000);
            try (OffsetCommitter committer = new OffsetCommitter(
                    Clients.api(producer), node.address(), Clients.unique("crash-group"), TOPIC, QUEUES)) {
                this.committer = committer;
                for (int t = 0; t < OFFICIAL_SENDERS; t++) {
                    senders.add(startSender("official-" + t + "-"));
                }
                awaitOurProducerSending();
                for (int cycle = 1; cycle <= cycles; cycle++) {
                    killAndRecover(cycle, cycles, plan.next(), 1_000 + random.nextInt(2_000));
                }
                report("CRASH aims: " + aims.summary());
                assertThat(aims.neverHit(AIMS_THAT_MUST_HIT_ONCE))
                        .as("targets aimed at %d times or more that were never seen on disk", AIMS_THAT_MUST_HIT_ONCE)
                        .isEmpty();
                ledger.addFromFile(ours.ackFile());
                Map<String, AckLedger.Expected> all = ledger.snapshot();
                assertThat(count(all, "courier-"))
                        .as("messages our producer had acknowledged; its log: %s", ours.logTail())
                        .isPositive();
                assertThat(count(all, "official-"))
                        .as("messages the official producer had acknowledged")
                        .isPositive();
            } finally {
                sending.set(false);
                for (Thread sender : senders) {
                    sender.join(10_000);
                }
            }
        }
    }

    /**
     * One cycle: timed and half messages that stay pending, load until the moment aimed at ({@code
     * randomDelayMs} for a random one), SIGKILL, restart on the same store, then every check of the class.
     */
    private void killAndRecover(int cycle, int cycles, KillTarget target, long randomDelayMs) throws Exception {
        // A timer window switch is aimed at one 1.5-3 s ahead, so the cycle's messages are pending at it.
        long cycleStart = System.currentTimeMillis();
        long timerWindowMs = target == KillTarget.TIMER_SWITCH ? TimerWindows.awaitNextStart(1_500, 3_000) : 0;
        long windowWaitMs = System.currentTimeMillis() - cycleStart;
        sendPending(cycle, timerWindowMs);
        long pendingSentAt = System.currentTimeMillis();
        AimedKill.Outcome kill = kill(target, randomDelayMs, timerWindowMs);
        long killedAt = kill.killedAtMs();
        committer.pause();
        node.process().kill(); // dead already: this reaps it
        aims.add(kill);
        report(String.format(
                "CRASH cycle %d/%d %s%s",
                cycle,
                cycles,
                kill.describe(),
                timerWindowMs > 0 ? "; " + windowWaitMs + " ms of load before, for the window to come near" : ""));
        long loadMs = killedAt - pendingSentAt;
        ledger.addFromFile(ours.ackFile());
        int ackedAtKill = ledger.size();
        OffsetCommitter.Confirmed persisted = committer.confirmedBy(killedAt - OFFSET_PERSISTED_AFTER_MS);
        OffsetCommitter.Confirmed last = committer.confirmedBy(killedAt);
        node.restart();
        awaitRegistered();
        long restartedMs = System.currentTimeMillis() - killedAt;

        Map<Integer, Long> offsets = committer.readBack();
        committer.resume();
        boolean full = cycle % FULL_READ_EVERY == 1 || cycle == cycles;
        Map<String, AckLedger.Expected> expected = checkAcknowledged(full);
        long ackedCheckedMs = System.currentTimeMillis() - killedAt;
        awaitResolved();
        report(String.format(
                "CRASH cycle %d/%d: killed %d ms after the cycle's timed and half messages, %d acknowledged by then;"
                        + " restarted and registered after %d ms; recovered: all %d acknowledged so far intact"
                        + " (official %d, ours %d) among %d stored, offsets dense (%s read) at +%d ms; %d timed"
                        + " messages delivered (%d repeated), %d half messages resolved at +%d ms; committed offsets"
                        + " %s (confirmed %d %d ms before the kill, %d at the kill)",
                cycle,
                cycles,
                loadMs,
                ackedAtKill,
                restartedMs,
                expected.size(),
                count(expected, "official-"),
                count(expected, "courier-"),
                acked.keys(),
                full ? "all" : "appended",
                ackedCheckedMs,
                timed.count(),
                timed.duplicates(timedRead),
                transactions.count(),
                System.currentTimeMillis() - killedAt,
                offsets,
                persisted.offset(),
                OFFSET_PERSISTED_AFTER_MS,
                last.offset()));
        if (node.kind() == ServerKind.OFFICIAL) {
            // Apache RocketMQ 5.2.0 first persists committed offsets 10 s after it starts, whatever
            // flushConsumerOffsetInterval says, so a kill sooner after a restart takes it back to the offsets of
            // the run before (seen: 459 after 846 was confirmed). Our broker persists from its start: the bound
            // below is ours alone. The other checks hold for both.
            boolean behind = offsets.values().stream().anyMatch(offset -> offset < persisted.offset());
            report("CRASH official broker: committed offsets " + (behind ? "went back past" : "kept") + " what was"
                    + " confirmed " + OFFSET_PERSISTED_AFTER_MS + " ms before the kill (" + persisted.offset() + ")");
            return;
        }
        assertThat(offsets)
                .as(
                        "committed offsets after the restart; %s was confirmed %s ms before the kill",
                        persisted, OFFSET_PERSISTED_AFTER_MS)
                .allSatisfy((queue, offset) -> assertThat(offset).isGreaterThanOrEqualTo(persisted.offset()));
    }

    /** SIGKILL to the broker at the moment the target names (the aimed ones watched for in its store). */
    private AimedKill.Outcome kill(KillTarget target, long randomDelayMs, long timerWindowMs)
            throws InterruptedException {
        ProcessHandle broker = ProcessHandle.of(node.process().pid())
                .orElseThrow(() -> new IllegalStateException("the broker exited before its kill; its log: "
                        + node.process().logTail(40)));
        return killer.at(target, broker, crashNode.storeDir(), randomDelayMs, timerWindowMs);
    }

    /** To the log, and to crash-cycles.txt beside the node (the official client's logging takes the log). */
    private void report(String line) throws IOException {
        log.info(line);
        Files.writeString(figures, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Broker.Settings settings() {
        return new Broker.Settings(
                "CrashCluster",
                "crash-broker",
                Map.of(
                        "flushDiskType", "SYNC_FLUSH",
                        "mappedFileSizeCommitLog", Integer.toString(1024 * 1024),
                        "maxMessageSize", "65536", // must fit a segment; the bodies here are under 2 KiB
                        // 100 entries: the 4 queues, filled round-robin, roll together every ~400 messages
                        "mappedFileSizeConsumeQueue", Integer.toString(100 * 20),
                        "transactionTimeOut", Long.toString(TRANSACTION_TIMEOUT_MS),
                        "transactionCheckInterval", "1000",
                        "flushConsumerOffsetInterval", Long.toString(OFFSET_PERSIST_INTERVAL_MS)),
                null);
    }

    /**
     * Per cycle: 2 delay-level and 2 timer messages, 2 half messages to commit and 2 to roll back; when the
     * kill waits for the timer window starting at {@code timerWindowMs}, one more timer message due just
     * after it, so the timer delivers at the switch and persists its cursor then.
     */
    private void sendPending(int cycle, long timerWindowMs) throws Exception {
        if (timerWindowMs > 0) {
            assertThat(timed.sendAt(producer, TIMED_TOPIC, "switch-" + cycle, timerWindowMs + 100))
                    .isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(timed.sendDelayLevel(producer, TIMED_TOPIC, "delay-" + cycle + "-" + i, 2, DELAY_LEVEL_2_MS))
                    .isTrue();
            long dueMs = System.currentTimeMillis() + 4_000 + 2_000L * i;
            assertThat(timed.sendAt(producer, TIMED_TOPIC, "timer-" + cycle + "-" + i, dueMs))
                    .isTrue();
            assertThat(transactions.sendUnknown(TX_TOPIC, "commit-" + cycle + "-" + i))
                    .isTrue();
            assertThat(transactions.sendUnknown(TX_TOPIC, "rollback-" + cycle + "-" + i))
                    .isTrue();
        }
    }

    /**
     * Every message acknowledged so far is read back intact, offsets dense. A message acknowledged just now
     * may not be in its consume queue yet (dispatch follows the flush), so the read repeats until it is.
     */
    private Map<String, AckLedger.Expected> checkAcknowledged(boolean full) throws Exception {
        ledger.addFromFile(ours.ackFile());
        Map<String, AckLedger.Expected> expected = ledger.snapshot();
        TopicReader reader = acked;
        reader.read(full);
        await("every acknowledged message read back")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("offsets not dense", () -> !reader.offsetErrors().isEmpty())
                .until(() -> {
                    reader.read(false);
                    return AckLedger.problems(expected, reader).isEmpty();
                });
        assertThat(reader.offsetErrors()).as("queue offsets after the restart").isEmpty();
        assertThat(AckLedger.problems(expected, reader)).isEmpty();
        return expected;
    }

    private void awaitResolved() {
        TopicReader txRead = transactionRead;
        await("timed messages delivered and half messages resolved after the restart")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    timedRead.read(true);
                    txRead.read(true);
                    return timed.allDelivered(timedRead) && transactions.resolved(txRead);
                });
        assertThat(timed.problems(timedRead)).as("timed messages").isEmpty();
        assertThat(timedRead.offsetErrors())
                .as("queue offsets of the timed topic")
                .isEmpty();
        assertThat(transactions.problems(txRead)).as("transactions").isEmpty();
        assertThat(txRead.offsetErrors())
                .as("queue offsets of the transaction topic")
                .isEmpty();
    }

    /** Our producer's JVM compiles its source first: the kills start once it too is sending. */
    private void awaitOurProducerSending() {
        await("our producer's first acknowledged send")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast(
                        "our producer process exited; see courier-producer.log in " + figures.getParent(),
                        () -> !ours.isAlive())
                .until(() -> {
                    ledger.addFromFile(ours.ackFile());
                    return count(ledger.snapshot(), "courier-") > 0;
                });
    }

    private void awaitRegistered() {
        await("broker " + node.address() + " registered with its own NameServer")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> admin.isRegistered(node));
    }

    private Thread startSender(String keyPrefix) {
        Thread sender = new Thread(
                () -> {
                    for (long i = 0; sending.get(); i++) {
                        send(keyPrefix + i);
                    }
                },
                "crash-sender-" + keyPrefix);
        sender.start();
        return sender;
    }

    private void send(String key) {
        byte[] body = CrashBody.of(key);
        try {
            if (producer.send(new Message(TOPIC, "", key, body)).getSendStatus() == SendStatus.SEND_OK) {
                ledger.acknowledged(key, body);
            }
        } catch (Exception notAcknowledged) {
            try {
                Thread.sleep(100); // the node is down or restarting; go on with the next key
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long count(Map<String, AckLedger.Expected> acknowledged, String keyPrefix) {
        return acknowledged.keySet().stream()
                .filter(key -> key.startsWith(keyPrefix))
                .count();
    }
}
