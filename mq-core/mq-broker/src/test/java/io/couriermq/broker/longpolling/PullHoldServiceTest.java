package io.couriermq.broker.longpolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.DispatchedEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long polling without threads or sleeps: a direct executor and a manual clock. */
class PullHoldServiceTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final List<String> answered = new ArrayList<>();
    private final PullHoldService service = new PullHoldService(clock, 1_000, Runnable::run);

    @Test
    void anArrivalAtOrPastTheOffsetWakesTheHeldPullOnce() {
        service.hold(pull("a", "Orders", 0, 5, 15_000));

        service.onDispatch(entry("Orders", 0, 4));
        assertThat(answered).as("an older entry does not help").isEmpty();
        service.onDispatch(entry("Orders", 0, 5));
        service.onDispatch(entry("Orders", 0, 6));

        assertThat(answered).containsExactly("a");
        assertThat(service.heldCount()).isZero();
    }

    @Test
    void arrivalsOnOtherQueuesLeaveThePullHeld() {
        service.hold(pull("a", "Orders", 0, 5, 15_000));

        service.onDispatch(entry("Orders", 1, 9));
        service.onDispatch(entry("Payments", 0, 9));

        assertThat(answered).isEmpty();
        assertThat(service.heldCount()).isEqualTo(1);
    }

    @Test
    void aPullIsAnsweredWhenItsDeadlinePasses() {
        service.hold(pull("short", "Orders", 0, 5, 1_000));
        service.hold(pull("long", "Orders", 0, 5, 15_000));

        clock.advanceMillis(1_000);
        service.runOnce();

        assertThat(answered).containsExactly("short");
        clock.advanceMillis(14_000);
        service.runOnce();
        assertThat(answered).containsExactly("short", "long");
    }

    @Test
    void stoppingAnswersEveryHeldPull() {
        service.hold(pull("a", "Orders", 0, 5, 15_000));
        service.hold(pull("b", "Payments", 3, 0, 15_000));

        service.onStop();

        assertThat(answered).containsExactlyInAnyOrder("a", "b");
    }

    private HeldPull pull(String name, String topic, int queueId, long offset, long suspendMs) {
        return new HeldPull(topic, queueId, offset, clock.millis() + suspendMs, () -> answered.add(name));
    }

    private static DispatchedEntry entry(String topic, int queueId, long offset) {
        return new DispatchedEntry(topic, queueId, offset, offset * 100, 100, 0, 0);
    }
}
