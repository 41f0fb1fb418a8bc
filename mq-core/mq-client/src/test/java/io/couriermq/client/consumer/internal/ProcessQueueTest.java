package io.couriermq.client.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessQueueTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 0);

    static ReceivedMessage message(long offset, int bodyBytes) {
        return new ReceivedMessage(
                "T",
                "broker-a",
                0,
                offset,
                1000 + offset,
                "id" + offset,
                "off" + offset,
                new byte[bodyBytes],
                Map.of(),
                0,
                0,
                0,
                0);
    }

    @Test
    void theCommittableOffsetIsTheSmallestInFlightOffset() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 10);
        List<ReceivedMessage> pulled = List.of(message(10, 1), message(11, 1), message(12, 1));
        queue.add(pulled);

        assertThat(queue.remove(List.of(pulled.get(1)))).isEqualTo(10);
        assertThat(queue.remove(List.of(pulled.get(2)))).isEqualTo(10);
        assertThat(queue.remove(List.of(pulled.get(0)))).isEqualTo(13);
    }

    @Test
    void whenNothingIsInFlightItIsOnePastTheHighestOffsetTakenIn() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        assertThat(queue.committableOffset()).isEqualTo(-1);
        queue.add(List.of(message(5, 1), message(7, 1)));
        queue.remove(List.of(message(5, 1), message(7, 1)));
        assertThat(queue.committableOffset()).isEqualTo(8);
    }

    @Test
    void countsAndBytesDriveFlowControl() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        queue.add(List.of(message(0, 100), message(1, 100)));
        assertThat(queue.cachedCount()).isEqualTo(2);
        assertThat(queue.cachedBytes()).isEqualTo(200);
        assertThat(queue.isFull(3, 1_000)).isFalse();
        assertThat(queue.isFull(2, 1_000)).isTrue();
        assertThat(queue.isFull(10, 200)).isTrue();

        queue.remove(List.of(message(0, 100)));
        assertThat(queue.cachedBytes()).isEqualTo(100);
        assertThat(queue.isFull(2, 1_000)).isFalse();
    }

    @Test
    void aDuplicatePullIsNotCountedTwice() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        queue.add(List.of(message(0, 10)));
        queue.add(List.of(message(0, 10)));
        assertThat(queue.cachedCount()).isEqualTo(1);
        assertThat(queue.cachedBytes()).isEqualTo(10);
    }

    @Test
    void orderlyAttemptsCountPerOffset() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        assertThat(queue.nextAttempt(3)).isEqualTo(1);
        assertThat(queue.nextAttempt(3)).isEqualTo(2);
        assertThat(queue.nextAttempt(4)).isEqualTo(1);
    }

    @Test
    void aLockCountsOnlyUntilItExpires() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 0);
        assertThat(queue.isLocked(0, 30_000)).isFalse();
        queue.locked(true, 1_000);
        assertThat(queue.isLocked(31_000, 30_000)).isTrue();
        assertThat(queue.isLocked(31_001, 30_000)).isFalse();
    }

    @Test
    void lagIsTheBrokersMaxOffsetMinusWhatIsDoneWith() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 10);
        assertThat(queue.lag()).as("max offset not known yet").isZero();

        queue.brokerMaxOffset(15);
        assertThat(queue.lag())
                .as("nothing taken in: counted from the next pull offset")
                .isEqualTo(5);

        queue.add(List.of(message(10, 1), message(11, 1)));
        queue.nextPullOffset(12);
        queue.remove(List.of(message(11, 1)));
        assertThat(queue.consumedOffset()).isEqualTo(10);
        assertThat(queue.lag()).as("offset 10 is still in flight").isEqualTo(5);

        queue.remove(List.of(message(10, 1)));
        queue.nextPullOffset(14);
        assertThat(queue.consumedOffset()).as("12 and 13 were filtered out").isEqualTo(14);
        assertThat(queue.lag()).isEqualTo(1);
    }

    @Test
    void theMaxOffsetNeverMovesBackAndLagIsNeverNegative() {
        ProcessQueue queue = new ProcessQueue(QUEUE, 20);
        queue.brokerMaxOffset(30);
        queue.brokerMaxOffset(25);
        assertThat(queue.brokerMaxOffset()).isEqualTo(30);

        queue.nextPullOffset(40);
        assertThat(queue.lag()).isZero();
    }
}
