package io.couriermq.tools.bench.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.QueueSelector;
import io.couriermq.tools.bench.TopicRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemotingRoutesTest {
    private static final TopicRouteData ROUTE = new TopicRouteData(
            null,
            List.of(
                    new QueueData("broker-b", 2, 2, Permission.READ_WRITE, 0),
                    new QueueData("broker-a", 3, 2, Permission.READ_WRITE, 0),
                    new QueueData("broker-ro", 2, 2, Permission.READ, 0),
                    new QueueData("broker-slave-only", 2, 2, Permission.READ_WRITE, 0)),
            List.of(
                    new BrokerData("c", "broker-a", Map.of(0L, "a:1", 1L, "a-slave:1"), false, null),
                    new BrokerData("c", "broker-b", Map.of(0L, "b:1"), false, null),
                    new BrokerData("c", "broker-ro", Map.of(0L, "ro:1"), false, null),
                    new BrokerData("c", "broker-slave-only", Map.of(1L, "s:1"), false, null)),
            Map.of());

    @Test
    void writableQueuesAreThoseOfWritableMastersInBrokerOrder() {
        assertThat(RemotingRoutes.toBenchRoute(ROUTE).writableQueues())
                .containsExactly(
                        new BenchQueue("broker-a", "a:1", 0),
                        new BenchQueue("broker-a", "a:1", 1),
                        new BenchQueue("broker-b", "b:1", 0),
                        new BenchQueue("broker-b", "b:1", 1));
    }

    @Test
    void readableQueuesCountReadQueuesAndIncludeReadOnlyBrokers() {
        assertThat(RemotingRoutes.toBenchRoute(ROUTE).readableQueues())
                .extracting(BenchQueue::toString)
                .containsExactly(
                        "broker-a@a:1#0",
                        "broker-a@a:1#1",
                        "broker-a@a:1#2",
                        "broker-b@b:1#0",
                        "broker-b@b:1#1",
                        "broker-ro@ro:1#0",
                        "broker-ro@ro:1#1");
    }

    @Test
    void theSelectorGoesRoundRobin() {
        QueueSelector selector =
                QueueSelector.of("T", RemotingRoutes.toBenchRoute(ROUTE).writableQueues());

        List<Integer> picked = IntStream.range(0, 6)
                .mapToObj(i -> selector.next().queue())
                .map(queue -> queue.brokerName().equals("broker-a") ? queue.queueId() : 10 + queue.queueId())
                .toList();

        assertThat(picked).containsExactly(0, 1, 10, 11, 0, 1);
    }

    @Test
    void overManyTopicsTheSelectorTakesOneQueueOfEachTopicBeforeTheNextOfAny() {
        BenchQueue a0 = new BenchQueue("broker-a", "h:1", 0);
        BenchQueue a1 = new BenchQueue("broker-a", "h:1", 1);
        Map<String, List<BenchQueue>> queues = new LinkedHashMap<>();
        queues.put("T-0", List.of(a0, a1));
        queues.put("T-1", List.of(a0));
        queues.put("T-2", List.of(a0, a1));
        QueueSelector selector = QueueSelector.spread(queues);

        List<String> picked = IntStream.range(0, 6)
                .mapToObj(i -> selector.next())
                .map(target -> target.topic() + "#" + target.queue().queueId())
                .toList();

        assertThat(selector.size()).isEqualTo(5);
        assertThat(picked).containsExactly("T-0#0", "T-1#0", "T-2#0", "T-0#1", "T-2#1", "T-0#0");
    }

    @Test
    void aRouteWithoutWritableQueuesCannotBeSentTo() {
        TopicRoute empty = RemotingRoutes.toBenchRoute(new TopicRouteData(null, List.of(), List.of(), Map.of()));

        assertThat(empty.writableQueues()).isEmpty();
        assertThatThrownBy(() -> QueueSelector.of("T", empty.writableQueues()))
                .hasMessageContaining("no writable queue");
    }
}
