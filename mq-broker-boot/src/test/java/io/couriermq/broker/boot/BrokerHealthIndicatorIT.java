package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.common.time.Clock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The states the health check reports besides UP, on a real broker without Spring around it. */
class BrokerHealthIndicatorIT {
    @TempDir
    Path storeDir;

    private BrokerLifecycle lifecycle;

    @AfterEach
    void stop() {
        if (lifecycle != null) {
            lifecycle.stop();
        }
    }

    @Test
    void aBrokerNoNameServerAcceptedIsOutOfService() {
        // Port 1 refuses connections: the registration fails at once, as with a NameServer that is down.
        Health health = startWith(Map.of("namesrvAddr", "127.0.0.1:1")).health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails())
                .containsEntry("nameServers", Map.of("127.0.0.1:1", "never registered"))
                .containsEntry("reason", "no NameServer accepted a registration in the last 60000 ms");
    }

    @Test
    void aBrokerWithoutNameServersIsUpAndSaysHowToReachIt() {
        Health health = startWith(Map.of()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((String) health.getDetails().get("nameServers")).startsWith("none configured");
        assertThat(health.getDetails()).containsEntry("writable", true).containsKey("diskUsedRatio");
    }

    @Test
    void aStoppedBrokerIsDown() {
        BrokerHealthIndicator indicator = startWith(Map.of());
        lifecycle.stop();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private BrokerHealthIndicator startWith(Map<String, String> extra) {
        Map<String, String> entries = new HashMap<>(Map.of(
                "listenPort", "0",
                "brokerIP1", "127.0.0.1",
                "mappedFileSizeCommitLog", String.valueOf(8 << 20),
                "mappedFileSizeConsumeQueue", "20000"));
        entries.putAll(extra);
        BrokerConfigEntries config = new BrokerConfigEntries(entries, Map.of(), storeDir, "127.0.0.1");
        lifecycle = new BrokerLifecycle(config, BrokerObserver.NONE, null);
        lifecycle.start();
        return new BrokerHealthIndicator(lifecycle, Clock.system());
    }
}
