package io.couriermq.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncReplicationWaitersTest {
    private final SyncReplicationWaiters waiters = new SyncReplicationWaiters();

    @Test
    void oneAcknowledgementCompletesEveryPutItCoversAndNoOther() {
        List<CompletableFuture<Boolean>> puts = IntStream.of(300, 100, 200, 400)
                .mapToObj(end -> waiters.await(end, Long.MAX_VALUE))
                .toList();

        waiters.acknowledged(250);

        assertThat(puts.get(1)).isCompletedWithValue(true); // 100
        assertThat(puts.get(2)).isCompletedWithValue(true); // 200
        assertThat(puts.get(0)).isNotDone(); // 300
        assertThat(puts.get(3)).isNotDone(); // 400
        assertThat(waiters.waiting()).isEqualTo(2);

        waiters.acknowledged(400);
        assertThat(puts).allSatisfy(put -> assertThat(put).isCompletedWithValue(true));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void aPutAlreadyCoveredCompletesAtOnceAndAnOlderAcknowledgementChangesNothing() {
        waiters.acknowledged(500);
        assertThat(waiters.await(500, 0)).isCompletedWithValue(true);

        CompletableFuture<Boolean> later = waiters.await(600, Long.MAX_VALUE);
        waiters.acknowledged(450);
        assertThat(later).isNotDone();
        assertThat(waiters.acknowledgedOffset()).isEqualTo(500);
    }

    @Test
    void aPutWhoseDeadlinePassesCompletesWithFalseAndOthersKeepWaiting() {
        CompletableFuture<Boolean> early = waiters.await(100, 1_000);
        CompletableFuture<Boolean> late = waiters.await(200, 2_000);

        waiters.expire(999);
        assertThat(early).isNotDone();
        waiters.expire(1_000);
        assertThat(early).isCompletedWithValue(false);
        assertThat(late).isNotDone();

        waiters.acknowledged(200);
        assertThat(late).isCompletedWithValue(true);
    }

    @Test
    void closingFailsEveryWaiterAndEveryLaterOneNotYetCovered() {
        waiters.acknowledged(100);
        CompletableFuture<Boolean> waiting = waiters.await(200, Long.MAX_VALUE);

        waiters.close();

        assertThat(waiting).isCompletedWithValue(false);
        assertThat(waiters.await(300, Long.MAX_VALUE)).isCompletedWithValue(false);
        assertThat(waiters.await(50, Long.MAX_VALUE)).isCompletedWithValue(true);
    }
}
