package io.couriermq.store.scale;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.Clock;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.StoreStats;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many queues on one store, a message in each: more queues than the store may keep mapped, so queues are
 * unmapped and mapped again as they are used. With {@code -Pscale}, issue 15's 10,000 topics x 8 queues
 * under the default budget: without parking that many mapped segments pass the 65,530 mappings Linux allows
 * a process by default, and the JVM dies. Then a clean restart and a crash restart ({@link
 * FileMessageStore#halt()} leaves the abort marker, as a crash does). Prints how long each phase took.
 */
class ManyQueuesIT {
    private static final Logger log = LoggerFactory.getLogger(ManyQueuesIT.class);
    private static final int TOPICS = Integer.getInteger("scale.topics", 1_000);
    private static final int MAX_MAPPED_FILES = Integer.getInteger("scale.maxMappedFiles", 2_000);
    private static final int QUEUES = 8;

    @TempDir
    Path dir;

    @Test
    void moreQueuesThanMayStayMappedEachTakeAMessageAndGiveItBackBeforeAndAfterACleanAndACrashRestart() {
        long started = System.nanoTime();
        FileMessageStore store = open();
        List<CompletableFuture<PutResult>> pending = new ArrayList<>();
        for (int topic = 0; topic < TOPICS; topic++) {
            for (int queue = 0; queue < QUEUES; queue++) {
                pending.add(store.putMessage(message(topicName(topic), queue, topic + "/" + queue)));
            }
            if (pending.size() >= 1_000) {
                pending.forEach(CompletableFuture::join);
                pending.clear();
            }
        }
        pending.forEach(CompletableFuture::join);
        await().atMost(Duration.ofMinutes(2)).until(() -> store.maxOffset(topicName(TOPICS - 1), QUEUES - 1) == 1);
        long written = System.nanoTime();
        assertEveryQueueHoldsItsMessage(store, false);
        long read = System.nanoTime();
        StoreStats stats = store.stats();
        assertThat(stats.mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        assertThat(stats.consumeQueueParks()).isGreaterThanOrEqualTo((long) TOPICS * QUEUES - MAX_MAPPED_FILES);
        store.shutdown();

        long restarting = System.nanoTime();
        FileMessageStore reopened = open();
        long restarted = System.nanoTime();
        int mappedAfterRestart = reopened.stats().mappedConsumeQueueFiles();
        assertThat(mappedAfterRestart).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        assertEveryQueueHoldsItsMessage(reopened, false);
        long readAgain = System.nanoTime();
        assertThat(reopened.putMessage(message(topicName(0), 0, "next")).join().firstQueueOffset())
                .isEqualTo(1);
        assertThat(reopened.stats().mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        await().until(() ->
                reopened.stats().dispatchedOffset() == reopened.stats().commitLogMaxOffset());
        reopened.halt(); // "next" came after the last checkpoint (the clean stop's): it is re-dispatched

        long crashRestarting = System.nanoTime();
        FileMessageStore recovered = open();
        long crashRestarted = System.nanoTime();
        int mappedAfterCrash = recovered.stats().mappedConsumeQueueFiles();
        log.info(
                "crash restart of {} queues in {} ms, {} consume-queue files mapped after it",
                TOPICS * QUEUES,
                millis(crashRestarting, crashRestarted),
                mappedAfterCrash);
        assertThat(recovered.recoveryReport().afterCrash()).isTrue();
        assertThat(mappedAfterCrash).as("only the queue the re-dispatch wrote").isEqualTo(1);
        assertEveryQueueHoldsItsMessage(recovered, true);
        long readAfterCrash = System.nanoTime();
        assertThat(recovered
                        .putMessage(message(topicName(TOPICS - 1), QUEUES - 1, "next"))
                        .join()
                        .firstQueueOffset())
                .isEqualTo(1);
        assertThat(recovered.stats().mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        recovered.shutdown();
        log.info(
                "{} queues, at most {} mapped files: written and dispatched in {} ms, all read in {} ms ({} parks);"
                        + " clean restart in {} ms ({} files mapped), all read again in {} ms;"
                        + " crash restart in {} ms ({} files mapped), all read again in {} ms",
                TOPICS * QUEUES,
                MAX_MAPPED_FILES,
                millis(started, written),
                millis(written, read),
                stats.consumeQueueParks(),
                millis(restarting, restarted),
                mappedAfterRestart,
                millis(restarted, readAgain),
                millis(crashRestarting, crashRestarted),
                mappedAfterCrash,
                millis(crashRestarted, readAfterCrash));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Each queue's message; the first queue's "next" after it if {@code withNext}. */
    private void assertEveryQueueHoldsItsMessage(FileMessageStore store, boolean withNext) {
        for (int topic = 0; topic < TOPICS; topic++) {
            for (int queue = 0; queue < QUEUES; queue++) {
                try (GetResult read = store.getMessages(topicName(topic), queue, 0, 4, MessageFilter.ALL)) {
                    List<String> expected = withNext && topic == 0 && queue == 0
                            ? List.of(topic + "/" + queue, "next")
                            : List.of(topic + "/" + queue);
                    assertThat(read.records())
                            .as("queue %s-%d", topicName(topic), queue)
                            .extracting(StoreTestSupport::body)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    private FileMessageStore open() {
        return FileMessageStore.open(
                StoreTestSupport.smallConfig(dir)
                        .mappedFileSizeCommitLog(64 << 20)
                        .maxMappedConsumeQueueFiles(MAX_MAPPED_FILES)
                        .build(),
                Clock.system());
    }

    private static String topicName(int topic) {
        return String.format("Topic-%05d", topic);
    }
}
