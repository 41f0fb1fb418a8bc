package io.couriermq.console.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.console.data.BrokerRow;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.GroupRow;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rounds run only while someone reads the series, so a node nobody watches sends no console traffic. */
class ChartSamplerTest {

    private final AtomicInteger clusterReads = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    @Test
    void samplesOnlyWhileTheSeriesAreRead() {
        ChartSampler sampler = new ChartSampler(data(), clock, Duration.ofMillis(20), 100);
        sampler.start();
        try {
            // nobody watches: ten intervals pass (a negative check can only wait) and the cluster is not asked
            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            assertThat(clusterReads.get()).isZero();
            assertThat(sampler.watched()).isFalse();

            sampler.tps(); // a viewer: a first point at once, then one per interval
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sampler.tps().timesMs().size() >= 3);
            assertThat(sampler.watched()).isTrue();
            assertThat(sampler.lag().values()).containsKey("orders-group");

            clock.advance(Duration.ofSeconds(61)); // the viewer left more than the idle time ago
            assertThat(sampler.watched()).isFalse();
            int readsWhenIdle = clusterReads.get();
            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            assertThat(clusterReads.get()).isEqualTo(readsWhenIdle);
        } finally {
            sampler.stop();
        }
    }

    private ConsoleData data() {
        return (ConsoleData) Proxy.newProxyInstance(
                ConsoleData.class.getClassLoader(), new Class<?>[] {ConsoleData.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "brokers" -> {
                            clusterReads.incrementAndGet();
                            return List.of(new BrokerRow(
                                    "DefaultCluster",
                                    "broker-a",
                                    0,
                                    "MASTER",
                                    "127.0.0.1:10911",
                                    "V5_2_0",
                                    12.5,
                                    3,
                                    100,
                                    40,
                                    0.25,
                                    null));
                        }
                        case "groups" -> {
                            return List.of(new GroupRow("orders-group", 1, 7, 2.0));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
