package io.couriermq.client.route;

import io.couriermq.common.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes at once the routes of the topics that use a broker address the client could not reach (a
 * refused connect, a connection closed under a request), instead of waiting up to the 30 s poll: a
 * master that went away should stop taking sends, and its slaves should take over pulls, as soon as the
 * NameServer knows. At most one such refresh per topic per second, so a burst of failed requests
 * costs one route request.
 */
public final class BrokerLossRefresh {
    private static final Logger log = LoggerFactory.getLogger(BrokerLossRefresh.class);
    static final long MIN_INTERVAL_MS = 1_000;

    private final Function<String, Set<String>> topicsUsing;
    private final Consumer<String> refresh;
    private final Clock clock;
    private final Map<String, Long> lastRefreshNanos = new ConcurrentHashMap<>();

    public BrokerLossRefresh(RouteCache routes, Clock clock) {
        this(
                routes::topicsUsing,
                topic -> routes.refresh(topic).whenComplete((route, failure) -> {
                    if (failure != null) {
                        log.debug(
                                "route refresh of {} failed, keeping the cached one: {}", topic, failure.getMessage());
                    }
                }),
                clock);
    }

    BrokerLossRefresh(Function<String, Set<String>> topicsUsing, Consumer<String> refresh, Clock clock) {
        this.topicsUsing = topicsUsing;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The broker at {@code address} could not be reached: refresh the routes that list it. */
    public void unreachable(String address) {
        for (String topic : topicsUsing.apply(address)) {
            if (claim(topic)) {
                log.info("broker {} unreachable; refreshing the route of {} now", address, topic);
                refresh.accept(topic);
            }
        }
    }

    /** True when {@code topic} was not refreshed for this reason within the last second; then marks it. */
    private boolean claim(String topic) {
        long now = clock.nanos();
        long minGap = TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS);
        boolean[] claimed = {false};
        lastRefreshNanos.compute(topic, (key, last) -> {
            if (last != null && now - last < minGap) {
                return last;
            }
            claimed[0] = true;
            return now;
        });
        return claimed[0];
    }
}
