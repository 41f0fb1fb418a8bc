package io.couriermq.client.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerLossRefreshTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final List<String> refreshed = new ArrayList<>();
    private final Map<String, Set<String>> topicsByAddress =
            Map.of("10.0.0.1:10911", Set.of("Orders", "Payments"), "10.0.0.2:10911", Set.of("Orders"));
    private final BrokerLossRefresh refresh =
            new BrokerLossRefresh(address -> topicsByAddress.getOrDefault(address, Set.of()), refreshed::add, clock);

    @Test
    void refreshesEveryTopicThatUsesTheLostBroker() {
        refresh.unreachable("10.0.0.1:10911");

        assertThat(refreshed).containsExactlyInAnyOrder("Orders", "Payments");
    }

    @Test
    void aTopicIsRefreshedAtMostOncePerSecond() {
        refresh.unreachable("10.0.0.1:10911");
        refresh.unreachable("10.0.0.2:10911");
        clock.advanceMillis(BrokerLossRefresh.MIN_INTERVAL_MS - 1);
        refresh.unreachable("10.0.0.1:10911");

        assertThat(refreshed).containsExactlyInAnyOrder("Orders", "Payments");

        clock.advanceMillis(1);
        refresh.unreachable("10.0.0.2:10911");

        assertThat(refreshed).containsExactlyInAnyOrder("Orders", "Payments", "Orders");
    }

    @Test
    void anAddressNoRouteUsesRefreshesNothing() {
        refresh.unreachable("10.0.0.9:10911");

        assertThat(refreshed).isEmpty();
    }
}
