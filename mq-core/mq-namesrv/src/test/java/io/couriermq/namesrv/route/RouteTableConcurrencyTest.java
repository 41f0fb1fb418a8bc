package io.couriermq.namesrv.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Readers racing writers must always see a route whose queues all have a broker group. */
class RouteTableConcurrencyTest {

    @Test
    void readersNeverSeeAHalfAppliedRegistration() throws InterruptedException {
        RouteTable routes = new RouteTable(new ManualClock(0));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger inconsistencies = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    TopicRouteData route = routes.snapshot().routeOf("orders", null);
                    reads.incrementAndGet();
                    if (route != null && !consistent(route)) {
                        inconsistencies.incrementAndGet();
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int round = 0; round < 2_000; round++) {
            String name = "broker-" + (round % 5);
            String address = "10.0.0." + (round % 5) + ":10911";
            DataVersion version = new DataVersion(round, round, 0);
            TopicConfig topic =
                    new TopicConfig("orders", 4, 4, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of());
            routes.register(new BrokerRegistration(
                    "DefaultCluster", name, address, 0, null, version, Map.of("orders", topic), 120_000, false, null));
            if (round % 3 == 0) {
                routes.unregister(new BrokerKey("DefaultCluster", address), name);
            }
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(reads.get()).isPositive();
        assertThat(inconsistencies).hasValue(0);
    }

    private static boolean consistent(TopicRouteData route) {
        Set<String> brokers =
                route.brokerDatas().stream().map(BrokerData::brokerName).collect(Collectors.toSet());
        return route.queueDatas().stream().map(QueueData::brokerName).allMatch(brokers::contains);
    }
}
