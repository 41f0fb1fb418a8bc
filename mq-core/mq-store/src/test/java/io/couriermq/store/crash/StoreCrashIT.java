package io.couriermq.store.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.RecordCheck;
import io.couriermq.common.message.codec.RecordValidator;
import io.couriermq.common.time.Clock;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a writing process with SIGKILL at random moments, 20 times, and checks the store after each.
 * SYNC_FLUSH: every acknowledged message reads back intact. Both policies: queue offsets are continuous,
 * every record passes its CRC, and nothing is served past the last valid record.
 */
class StoreCrashIT {
    private static final Logger log = LoggerFactory.getLogger(StoreCrashIT.class);
    private static final int CYCLES = 20;

    @TempDir
    Path dir;

    private record Ack(int queueId, long queueOffset, int cycle, int writer, int n) {}

    @ParameterizedTest
    @EnumSource(FlushDiskType.class)
    void everyAcknowledgedMessageSurvivesSigkill(FlushDiskType flushDiskType) throws Exception {
        long seed = System.nanoTime();
        log.info("crash test {} with seed {}", flushDiskType, seed);
        Random random = new Random(seed);
        Map<String, Ack> acked = new HashMap<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            for (Ack ack : runAndKill(flushDiskType, cycle, 10 + random.nextInt(300))) {
                acked.put(ack.queueId() + "@" + ack.queueOffset(), ack);
            }
            verify(flushDiskType, acked);
        }
        assertThat(acked).hasSizeGreaterThan(CYCLES * 10);
    }

    /** Starts a writer, lets it acknowledge {@code acksBeforeKill} puts, and kills it with SIGKILL. */
    private List<Ack> runAndKill(FlushDiskType flushDiskType, int cycle, int acksBeforeKill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        // a short-lived writer: start fast rather than optimise (2 shared cores)
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dir.toString(),
                        flushDiskType.name(),
                        Integer.toString(cycle))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process, lines), "crash-writer-stdout");
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> lines.size() > acksBeforeKill || !process.isAlive());
        assertThat(process.isAlive())
                .as("writer died on its own; lines: %s", lines)
                .isTrue();
        process.destroyForcibly(); // SIGKILL
        process.waitFor();
        reader.join();
        List<Ack> acks = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length == 6 && parts[0].equals("ACK")) { // a line cut by the kill is not an ack
                acks.add(new Ack(
                        Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]),
                        Integer.parseInt(parts[3]),
                        Integer.parseInt(parts[4]),
                        Integer.parseInt(parts[5])));
            }
        }
        return acks;
    }

    private static void readLines(Process process, List<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            // the pipe breaks when the process is killed: the lines read so far are what was acknowledged
        }
    }

    private void verify(FlushDiskType flushDiskType, Map<String, Ack> acked) {
        FileMessageStore store = FileMessageStore.open(CrashWriter.config(dir, flushDiskType), Clock.system());
        try {
            assertThat(store.recoveryReport().afterCrash()).isTrue();
            assertThat(store.stats().commitLogMaxOffset())
                    .isEqualTo(store.recoveryReport().validEndOffset());
            Map<String, StoredMessage> stored = new HashMap<>();
            for (int queueId = 0; queueId < CrashWriter.QUEUES; queueId++) {
                readWholeQueue(store, queueId, stored);
            }
            if (flushDiskType == FlushDiskType.SYNC_FLUSH) {
                for (Map.Entry<String, Ack> entry : acked.entrySet()) {
                    Ack ack = entry.getValue();
                    StoredMessage message = stored.get(entry.getKey());
                    assertThat(message).as("acknowledged %s lost", ack).isNotNull();
                    assertThat(new String(message.message().bodyBytes(), StandardCharsets.UTF_8))
                            .isEqualTo(CrashWriter.body(ack.cycle(), ack.writer(), ack.n()));
                }
            } else {
                acked.keySet().retainAll(stored.keySet()); // ASYNC may lose recent acks, by design
            }
        } finally {
            store.shutdown();
        }
    }

    /** Reads every entry of a queue: continuous offsets, valid CRCs, well-formed bodies, then the end. */
    private static void readWholeQueue(FileMessageStore store, int queueId, Map<String, StoredMessage> stored) {
        long max = store.maxOffset(CrashWriter.TOPIC, queueId);
        long offset = 0;
        long previousCommitLogOffset = -1;
        while (offset < max) {
            try (GetResult result = store.getMessages(CrashWriter.TOPIC, queueId, offset, 32, MessageFilter.ALL)) {
                assertThat(result.status())
                        .as("queue %d offset %d", queueId, offset)
                        .isEqualTo(GetStatus.FOUND);
                for (RecordSlice slice : result.records()) {
                    RecordCheck check = RecordValidator.check(slice.buffer(), 0, slice.sizeBytes(), true);
                    assertThat(check.kind())
                            .as("record at %d", slice.commitLogOffset())
                            .isEqualTo(RecordCheck.Kind.RECORD);
                    StoredMessage message = StoreTestSupport.decode(slice);
                    assertThat(message.queueOffset()).isEqualTo(offset);
                    assertThat(message.commitLogOffset()).isGreaterThan(previousCommitLogOffset);
                    assertThat(new String(message.message().bodyBytes(), StandardCharsets.UTF_8))
                            .matches("c\\d+-w\\d+-n\\d+\\|x+");
                    previousCommitLogOffset = message.commitLogOffset();
                    stored.put(queueId + "@" + offset, message);
                    offset++;
                }
            }
        }
        try (GetResult end = store.getMessages(CrashWriter.TOPIC, queueId, max, 32, MessageFilter.ALL)) {
            assertThat(end.status()).isIn(GetStatus.OFFSET_OVERFLOW_ONE, GetStatus.NO_MESSAGE_IN_QUEUE);
        }
    }
}
