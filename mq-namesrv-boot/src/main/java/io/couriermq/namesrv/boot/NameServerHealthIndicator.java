package io.couriermq.namesrv.boot;

import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.route.RouteSnapshot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the NameServer listens; reports its port and how many brokers and topics it routes. */
final class NameServerHealthIndicator implements HealthIndicator {
    private final NameServer nameServer;
    private final NameServerLifecycle lifecycle;

    NameServerHealthIndicator(NameServer nameServer, NameServerLifecycle lifecycle) {
        this.nameServer = nameServer;
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        if (!lifecycle.isRunning()) {
            return Health.down()
                    .withDetail("reason", "the NameServer is not running")
                    .build();
        }
        RouteSnapshot routes = nameServer.routes().snapshot();
        return Health.up()
                .withDetail("listenPort", nameServer.listenPort())
                .withDetail("brokers", nameServer.routes().liveBrokers().size())
                .withDetail("topics", routes.topics().size())
                .build();
    }
}
