package io.couriermq.broker.boot;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.ha.ReplicationStatus;
import io.couriermq.common.time.Clock;
import io.couriermq.store.StoreStats;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * DOWN when the broker is not running or its store refuses puts (the store refuses them itself at
 * diskSpaceWarningLevelRatio, the high-water mark, or after shutdown); OUT_OF_SERVICE when no NameServer
 * accepted a registration within two registration periods, since clients then cannot find the broker.
 * A broker configured without NameServers is reachable only by address and is UP.
 */
final class BrokerHealthIndicator implements HealthIndicator {
    private final BrokerLifecycle lifecycle;
    private final Clock clock;

    BrokerHealthIndicator(BrokerLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!lifecycle.isRunning()) {
            return Health.down()
                    .withDetail("reason", "the broker is not running")
                    .build();
        }
        Broker broker = lifecycle.broker();
        BrokerSettings settings = lifecycle.settings();
        StoreStats store = broker.store().stats();
        Health.Builder health = Health.up()
                .withDetail("address", broker.address())
                .withDetail("brokerName", settings.broker().brokerName())
                .withDetail("role", settings.broker().brokerRole())
                .withDetail(
                        "topics", broker.topics().snapshot().topicConfigTable().size())
                .withDetail("diskUsedRatio", Math.round(store.diskUsedRatio() * 1000) / 1000.0)
                .withDetail("diskRefuseRatio", settings.store().diskSpaceWarningLevelRatio())
                .withDetail("writable", store.writable());
        health.withDetail("replication", replication(broker.replication().status()));
        if (!store.notWritableReason().isEmpty()) {
            health.withDetail("storeProblem", store.notWritableReason());
        }
        if (!store.writable() || store.diskUsedRatio() >= settings.store().diskSpaceWarningLevelRatio()) {
            return health.down().withDetail("reason", "the store refuses puts").build();
        }
        return registration(health, settings.broker(), broker.registrar().lastSuccessMillis())
                .build();
    }

    /** A master's slaves in sync, or whether a slave's master is reachable; detail only, never down. */
    private static Map<String, Object> replication(ReplicationStatus status) {
        Map<String, Object> detail = new TreeMap<>();
        if (status.role().equals("SLAVE")) {
            detail.put("master", String.valueOf(status.masterHaAddress()));
            detail.put("masterReachable", status.masterReachable());
        } else {
            detail.put("slaves", status.slaves().size());
            detail.put("slavesInSync", status.slavesInSync());
            detail.put("maxLagBytes", status.maxLagBytes());
        }
        return detail;
    }

    private Health.Builder registration(Health.Builder health, BrokerConfig config, Map<String, Long> lastSuccess) {
        if (config.nameServerAddresses().isEmpty()) {
            return health.withDetail("nameServers", "none configured: clients must be given this broker's address");
        }
        long now = clock.millis();
        long freshWithinMs = 2 * config.registerNameServerPeriod();
        Map<String, Object> ages = new TreeMap<>();
        long newest = Long.MIN_VALUE;
        for (String address : config.nameServerAddresses()) {
            Long millis = lastSuccess.get(address);
            ages.put(address, millis == null ? "never registered" : (now - millis) + " ms ago");
            newest = millis == null ? newest : Math.max(newest, millis);
        }
        health.withDetail("nameServers", ages).withDetail("registrationFreshWithinMs", freshWithinMs);
        if (newest == Long.MIN_VALUE || now - newest > freshWithinMs) {
            return health.status(Status.OUT_OF_SERVICE)
                    .withDetail("reason", "no NameServer accepted a registration in the last " + freshWithinMs + " ms");
        }
        return health;
    }
}
