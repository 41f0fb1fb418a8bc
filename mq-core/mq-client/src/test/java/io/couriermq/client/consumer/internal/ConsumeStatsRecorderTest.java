package io.couriermq.client.consumer.internal;

import static io.couriermq.client.consumer.internal.ProcessQueueTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.ConsumeStatus;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsumeStatsRecorderTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 0);

    private final ManualClock clock = new ManualClock(1_000_000);
    private final ConsumeStatsRecorder stats = new ConsumeStatsRecorder("G", clock);

    @Test
    void ratesAndTimesAreMeasuredOverTheLastMinute() {
        clock.advanceMillis(60_000);
        for (int i = 0; i < 30; i++) {
            stats.onPull("G", QUEUE, "FOUND", 4, TimeUnit.MILLISECONDS.toNanos(10));
            stats.onConsumed("G", message(i, 1), "SUCCESS", TimeUnit.MILLISECONDS.toNanos(2));
            clock.advanceMillis(1_000);
        }
        stats.onConsumed("G", message(99, 1), "RECONSUME_LATER", TimeUnit.MILLISECONDS.toNanos(8));

        ConsumeStatus status = stats.status("T");

        assertThat(status.pullRT()).isEqualTo(10.0);
        assertThat(status.pullTPS()).isEqualTo(120 / 60.0);
        assertThat(status.consumeOKTPS()).isEqualTo(30 / 60.0);
        assertThat(status.consumeFailedTPS()).isEqualTo(1 / 60.0);
        assertThat(status.consumeRT()).isEqualTo((30 * 2 + 8) / 31.0);
        assertThat(status.consumeFailedMsgs()).isEqualTo(1);
    }

    @Test
    void aYoungConsumerIsNotDividedByAFullMinute() {
        clock.advanceMillis(10_000);
        stats.onConsumed("G", message(0, 1), "SUCCESS", 0);

        assertThat(stats.status("T").consumeOKTPS()).isEqualTo(1 / 10.0);
    }

    @Test
    void oldEventsLeaveTheMinuteButFailuresStayForTheHour() {
        stats.onConsumed("G", message(0, 1), "EXCEPTION", 0);
        clock.advance(2, TimeUnit.MINUTES);

        assertThat(stats.status("T").consumeFailedTPS()).isZero();
        assertThat(stats.status("T").consumeFailedMsgs()).isEqualTo(1);

        clock.advance(61, TimeUnit.MINUTES);
        assertThat(stats.status("T").consumeFailedMsgs()).isZero();
    }

    @Test
    void lastPullAndConsumeAreKeptPerQueueAndRetriesCountForTheRetryQueue() {
        stats.onPull("G", QUEUE, "NO_NEW_MSG", 0, 0);
        clock.advanceMillis(5);
        ReceivedMessage retried = new ReceivedMessage(
                "T", "broker-a", 0, 3, 0, "id", "off", new byte[0], Map.of(MessageConst.RETRY_TOPIC, "T"), 1, 0, 0, 0);
        stats.onConsumed("G", retried, "SUCCESS", 0);

        assertThat(stats.lastPullMs(QUEUE)).isEqualTo(1_000_000);
        assertThat(stats.lastConsumeMs(QUEUE)).isZero();
        assertThat(stats.lastConsumeMs(new MessageQueue("%RETRY%G", "broker-a", 0)))
                .isEqualTo(1_000_005);
        assertThat(stats.status("unknown")).isEqualTo(new ConsumeStatus(0, 0, 0, 0, 0, 0));
    }

    @Test
    void theApplicationsObserverStillSeesEverythingAndCannotBreakTheRecorder() {
        List<String> seen = new ArrayList<>();
        ConsumeObserver failing = new ConsumeObserver() {
            @Override
            public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
                seen.add(result);
                throw new IllegalStateException("observer bug");
            }
        };

        stats.alongside(failing).onConsumed("G", message(0, 1), "SUCCESS", 0);

        assertThat(seen).containsExactly("SUCCESS");
        assertThat(stats.lastConsumeMs(QUEUE)).isEqualTo(1_000_000);
    }
}
