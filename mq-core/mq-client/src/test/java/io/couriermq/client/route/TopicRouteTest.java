package io.couriermq.client.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRouteTest {
    private static final int READ_WRITE = Permission.READ_WRITE;

    @Test
    void aMasterAndSlaveSetIsWritableAndReadableAndKeepsBothMembers() {
        TopicRoute route = TopicRoute.of(
                "Orders",
                routeData(
                        List.of(new QueueData("broker-a", 2, 2, READ_WRITE, 0)),
                        List.of(brokerData("broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911")))));

        assertThat(route.writeQueues()).containsExactly(queue("broker-a", 0), queue("broker-a", 1));
        assertThat(route.readQueues()).containsExactly(queue("broker-a", 0), queue("broker-a", 1));
        assertThat(route.masterAddress("broker-a")).isEqualTo("10.0.0.1:10911");
        assertThat(route.replicas("broker-a").addresses())
                .containsExactly(Map.entry(0L, "10.0.0.1:10911"), Map.entry(1L, "10.0.0.2:10911"));
        assertThat(route.addresses()).containsExactlyInAnyOrder("10.0.0.1:10911", "10.0.0.2:10911");
    }

    @Test
    void aSetWithOnlySlavesIsReadButNeverWritten() {
        TopicRoute route = TopicRoute.of(
                "Orders",
                routeData(
                        List.of(
                                new QueueData("broker-a", 2, 2, READ_WRITE, 0),
                                new QueueData("broker-b", 1, 1, READ_WRITE, 0)),
                        List.of(
                                brokerData("broker-a", Map.of(1L, "10.0.0.2:10911", 2L, "10.0.0.3:10911")),
                                brokerData("broker-b", Map.of(0L, "10.0.0.4:10911")))));

        assertThat(route.writeQueues()).containsExactly(queue("broker-b", 0));
        assertThat(route.readQueues())
                .containsExactly(queue("broker-a", 0), queue("broker-a", 1), queue("broker-b", 0));
        assertThat(route.masterAddress("broker-a")).isNull();
        assertThat(route.masters()).containsExactly(Map.entry("broker-b", "10.0.0.4:10911"));
        assertThat(route.replicas("broker-a").masterElseLowest())
                .isEqualTo(new Replica("broker-a", 1L, "10.0.0.2:10911"));
    }

    @Test
    void aSetWithNoLiveMemberOffersNoQueue() {
        TopicRoute route = TopicRoute.of(
                "Orders",
                routeData(
                        List.of(new QueueData("broker-a", 2, 2, READ_WRITE, 0)),
                        List.of(brokerData("broker-a", Map.of()))));

        assertThat(route.writeQueues()).isEmpty();
        assertThat(route.readQueues()).isEmpty();
        assertThat(route.replicas("broker-a")).isNull();
    }

    @Test
    void permissionsStillDecideWhatIsReadAndWritten() {
        TopicRoute route = TopicRoute.of(
                "Orders",
                routeData(
                        List.of(new QueueData("broker-a", 1, 1, Permission.READ, 0)),
                        List.of(brokerData("broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911")))));

        assertThat(route.writeQueues()).isEmpty();
        assertThat(route.readQueues()).containsExactly(queue("broker-a", 0));
    }

    private static TopicRouteData routeData(List<QueueData> queues, List<BrokerData> brokers) {
        return new TopicRouteData(null, queues, brokers, Map.of());
    }

    private static BrokerData brokerData(String name, Map<Long, String> addresses) {
        return new BrokerData("DefaultCluster", name, addresses, false, null);
    }

    private static MessageQueue queue(String broker, int id) {
        return new MessageQueue("Orders", broker, id);
    }
}
