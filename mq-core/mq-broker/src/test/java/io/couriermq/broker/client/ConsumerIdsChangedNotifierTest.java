package io.couriermq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RequestCode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ConsumerIdsChangedNotifierTest {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor queued = tasks::add;
    private final FakeRemotingChannel channelA = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel channelB = new FakeRemotingChannel("10.0.0.2:1002");

    @Test
    void everyMemberGetsAOnewayNotificationNamingTheGroupOffTheCallersThread() {
        ConsumerIdsChangedNotifier notifier = new ConsumerIdsChangedNotifier(queued, group -> true);

        notifier.consumerIdsChanged("cg", List.of(channelA, channelB));
        assertThat(channelA.oneways()).as("nothing sent on the caller's thread").isEmpty();
        runTasks();

        for (FakeRemotingChannel channel : List.of(channelA, channelB)) {
            assertThat(channel.oneways()).singleElement().satisfies(sent -> {
                assertThat(sent.code()).isEqualTo(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED.code());
                assertThat(sent.isOneway()).isTrue();
                assertThat(sent.isResponse()).isFalse();
                assertThat(sent.extField("consumerGroup")).isEqualTo("cg");
                assertThat(sent.hasBody()).isFalse();
            });
        }
        assertThat(channelA.invoked()).as("never a call that waits").isEmpty();
    }

    @Test
    void groupsThatOptedOutAndClosedChannelsAreSkipped() {
        ConsumerIdsChangedNotifier notifier = new ConsumerIdsChangedNotifier(queued, group -> !group.equals("quiet"));
        channelB.close();

        notifier.consumerIdsChanged("quiet", List.of(channelA));
        notifier.consumerIdsChanged("cg", List.of(channelA, channelB));
        runTasks();

        assertThat(channelA.oneways())
                .extracting(sent -> sent.extField("consumerGroup"))
                .containsExactly("cg");
        assertThat(channelB.oneways()).isEmpty();
    }

    @Test
    void aFullExecutorCostsTheNotificationNotTheCaller() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        ConsumerIdsChangedNotifier notifier = new ConsumerIdsChangedNotifier(full, group -> true);

        notifier.consumerIdsChanged("cg", List.of(channelA));

        assertThat(channelA.oneways()).isEmpty();
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }
}
