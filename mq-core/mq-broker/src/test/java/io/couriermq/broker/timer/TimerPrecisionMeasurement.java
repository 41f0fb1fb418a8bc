package io.couriermq.broker.timer;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures timer precision (not a test; run by hand): an in-process broker over a real FileMessageStore,
 * {@code count} timed messages with due times spread uniformly over {@code spreadMs} starting {@code leadMs}
 * from now, then the distribution of (store time of the delivered copy - due time). They are parked
 * through the broker's own {@link TimerDiversion} straight into its store, or sent over a socket with
 * {@code socket} (slower on a loaded machine, so give it a longer lead).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.couriermq.broker.timer.TimerPrecisionMeasurement \
 *     [count=100000] [spreadMs=10000] [leadMs=15000] [flushDiskType=ASYNC_FLUSH] [direct|socket]
 * </pre>
 */
public final class TimerPrecisionMeasurement {
    private static final Logger log = LoggerFactory.getLogger(TimerPrecisionMeasurement.class);
    private static final String TOPIC = "TimerPrecision";
    private static final int QUEUES = 4;

    private TimerPrecisionMeasurement() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long spreadMs = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        long leadMs = args.length > 2 ? Long.parseLong(args[2]) : 15_000;
        String flush = args.length > 3 ? args[3] : "ASYNC_FLUSH";
        boolean overSocket = args.length > 4 && args[4].equals("socket");
        Path dir = Files.createTempDirectory("timer-precision");
        Broker broker = new Broker(LocalCluster.brokerSettings(dir, Map.of("flushDiskType", flush)), Clock.system());
        broker.start();
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            long firstDueMs = System.currentTimeMillis() + leadMs;
            long sendNanos = overSocket
                    ? send(client, LocalCluster.address(broker), count, firstDueMs, spreadMs)
                    : park(broker.store(), count, firstDueMs, spreadMs);
            log.info(
                    "{} {} timed messages in {} ms; due from +{} ms over {} ms ({})",
                    overSocket ? "sent" : "parked",
                    count,
                    TimeUnit.NANOSECONDS.toMillis(sendNanos),
                    leadMs,
                    spreadMs,
                    flush);
            if (System.currentTimeMillis() >= firstDueMs) {
                log.warn("scheduling took longer than the lead time: the earliest messages were due before they came");
            }
            awaitDelivered(broker.store(), count, firstDueMs + spreadMs + 60_000);
            report(lateness(broker.store(), count));
        } finally {
            broker.shutdown();
        }
    }

    private static long send(NettyRemotingClient client, String address, int count, long firstDueMs, long spreadMs)
            throws InterruptedException {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(2_000);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            long dueMs = firstDueMs + ThreadLocalRandom.current().nextLong(spreadMs);
            inFlight.acquire();
            client.invokeAsync(address, request(i, dueMs), 10_000).whenComplete((response, error) -> {
                if (error != null || response.code() != ResponseCode.SUCCESS.code()) {
                    if (failed.incrementAndGet() <= 3) {
                        log.warn("send failed: {}", error != null ? error.toString() : response.remark());
                    }
                }
                inFlight.release();
            });
        }
        inFlight.acquire(2_000);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " sends failed");
        }
        return System.nanoTime() - start;
    }

    /**
     * Parks the messages through the broker's own diversion straight into its store, in batches (all
     * parked copies share the timer queue): the send path's throughput does not limit the measurement.
     */
    private static long park(MessageStore store, int count, long firstDueMs, long spreadMs) {
        long start = System.nanoTime();
        TimerDiversion diversion = new TimerDiversion(Clock.system(), 259_200);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long dueMs = firstDueMs + ThreadLocalRandom.current().nextLong(spreadMs);
            batch.add(diversion.divert(Message.builder(TOPIC, i % QUEUES)
                    .body(new byte[128])
                    .property(MessageConst.TIMER_DELIVER_MS, Long.toString(dueMs))
                    .bornTimestampMs(System.currentTimeMillis())
                    .build()));
            if (batch.size() == 100 || i == count - 1) {
                PutResult result = store.putMessages(batch).join();
                if (!result.isOk()) {
                    throw new IllegalStateException("park failed: " + result);
                }
                batch.clear();
            }
        }
        return System.nanoTime() - start;
    }

    private static RemotingCommand request(int i, long dueMs) {
        return BrokerRequests.send(TOPIC, i % QUEUES)
                .producerGroup("precision")
                .defaultTopicQueueNums(QUEUES)
                .properties(MessageConst.TIMER_DELIVER_MS + "\u0001" + dueMs + "\u0002")
                .body(new byte[128]);
    }

    private static void awaitDelivered(MessageStore store, int count, long deadlineMs) throws InterruptedException {
        while (delivered(store) < count) {
            if (System.currentTimeMillis() > deadlineMs) {
                throw new IllegalStateException("only " + delivered(store) + " of " + count + " delivered");
            }
            Thread.sleep(200);
        }
    }

    private static long delivered(MessageStore store) {
        long total = 0;
        for (int queue = 0; queue < QUEUES; queue++) {
            total += store.maxOffset(TOPIC, queue);
        }
        return total;
    }

    /** Store time of each delivered copy minus its due time (TIMER_OUT_MS). */
    private static long[] lateness(MessageStore store, int count) {
        long[] lateMs = new long[count];
        int n = 0;
        for (int queue = 0; queue < QUEUES; queue++) {
            long offset = 0;
            while (offset < store.maxOffset(TOPIC, queue)) {
                try (GetResult result = store.getMessages(TOPIC, queue, offset, 1_000, MessageFilter.ALL)) {
                    for (RecordSlice slice : result.records()) {
                        RecordView view = RecordView.at(slice.buffer(), 0);
                        String due = view.properties().get(MessageConst.TIMER_OUT_MS);
                        if (due == null) {
                            throw new IllegalStateException("delivered without TIMER_OUT_MS: queue " + queue
                                    + " offset " + view.queueOffset() + " " + view.properties());
                        }
                        long dueMs = Long.parseLong(due);
                        lateMs[n++] = view.storeTimestampMs() - dueMs;
                    }
                    offset = result.nextBeginOffset();
                }
            }
        }
        return Arrays.copyOf(lateMs, n);
    }

    private static void report(long[] lateMs) {
        Arrays.sort(lateMs);
        long early = Arrays.stream(lateMs).filter(late -> late < 0).count();
        log.info(
                "RESULT timer precision over {} messages: delivered-due ms min={} p50={} p90={} p99={} p99.9={} max={};"
                        + " early={}",
                lateMs.length,
                lateMs[0],
                percentile(lateMs, 0.50),
                percentile(lateMs, 0.90),
                percentile(lateMs, 0.99),
                percentile(lateMs, 0.999),
                lateMs[lateMs.length - 1],
                early);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
