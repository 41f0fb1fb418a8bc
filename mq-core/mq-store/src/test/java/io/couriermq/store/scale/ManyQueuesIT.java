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
 * a process by default, and the JVM dies. Prints how long each phase took.
 */
class ManyQueuesIT {
    private static final Logger log = LoggerFactory.getLogger(ManyQueuesIT.class);
    private static final int TOPICS = Integer.getInteger("scale.topics", 1_000);
    private static final int MAX_MAPPED_FILES = Integer.getInteger("scale.maxMappedFiles", 2_000);
    private static final int QUEUES = 8;

    @TempDir
    Path dir;

    @Test
    void moreQueuesThanMayStayMappedEachTakeAMessageAndGiveItBackBeforeAndAfterARestart() {
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
        assertEveryQueueHoldsItsMessage(store);
        long read = System.nanoTime();
        StoreStats stats = store.stats();
        assertThat(stats.mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        assertThat(stats.consumeQueueParks()).isGreaterThanOrEqualTo((long) TOPICS * QUEUES - MAX_MAPPED_FILES);
        store.shutdown();

        long restarting = System.nanoTime();
        FileMessageStore reopened = open();
        long restarted = System.nanoTime();
        assertThat(reopened.stats().mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        assertEveryQueueHoldsItsMessage(reopened);
        long readAgain = System.nanoTime();
        assertThat(reopened.putMessage(message(topicName(0), 0, "next")).join().firstQueueOffset())
                .isEqualTo(1);
        assertThat(reopened.stats().mappedConsumeQueueFiles()).isLessThanOrEqualTo(MAX_MAPPED_FILES);
        reopened.shutdown();
        log.info(
                "{} queues, at most {} mapped files: written and dispatched in {} ms, all read in {} ms ({} parks);"
                        + " clean restart in {} ms, all read again in {} ms",
                TOPICS * QUEUES,
                MAX_MAPPED_FILES,
                millis(started, written),
                millis(written, read),
                stats.consumeQueueParks(),
                millis(restarting, restarted),
                millis(restarted, readAgain));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private void assertEveryQueueHoldsItsMessage(FileMessageStore store) {
        for (int topic = 0; topic < TOPICS; topic++) {
            for (int queue = 0; queue < QUEUES; queue++) {
                try (GetResult read = store.getMessages(topicName(topic), queue, 0, 4, MessageFilter.ALL)) {
                    assertThat(read.records())
                            .as("queue %s-%d", topicName(topic), queue)
                            .extracting(StoreTestSupport::body)
                            .containsExactly(topic + "/" + queue);
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
