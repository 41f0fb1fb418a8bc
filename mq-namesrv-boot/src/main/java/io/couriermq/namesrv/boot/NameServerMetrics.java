package io.couriermq.namesrv.boot;

import io.couriermq.acl.check.DenialReason;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RequestObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer view of the NameServer: live brokers, clusters and topics as gauges, and every request
 * as a timer tagged with its code and its result; writes refused by the ACL as counters by reason.
 */
final class NameServerMetrics implements MeterBinder, RequestObserver {
    private final NameServer nameServer;
    private volatile MeterRegistry registry;

    NameServerMetrics(NameServer nameServer) {
        this.nameServer = nameServer;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        Gauge.builder("courier.namesrv.brokers", nameServer, ns -> ns.routes()
                        .liveBrokers()
                        .size())
                .description("brokers with a live registration")
                .register(meterRegistry);
        Gauge.builder(
                        "courier.namesrv.clusters",
                        nameServer,
                        ns -> ns.routes().snapshot().clusters().size())
                .description("clusters with at least one broker")
                .register(meterRegistry);
        Gauge.builder(
                        "courier.namesrv.topics",
                        nameServer,
                        ns -> ns.routes().snapshot().topics().size())
                .description("topics with at least one route")
                .register(meterRegistry);
        for (DenialReason reason : DenialReason.values()) {
            FunctionCounter.builder("courier.acl.refused", nameServer, ns -> ns.aclRefusals()
                            .count(reason))
                    .description("requests refused by ACL (courier.namesrv.acl-enable), by reason")
                    .tag("reason", reason.tag())
                    .register(meterRegistry);
        }
        this.registry = meterRegistry;
        nameServer.requestObserver(this);
    }

    @Override
    public void onRequestProcessed(int requestCode, int responseCode, long durationNanos) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        Timer.builder("courier.namesrv.requests")
                .description("requests processed, by request code and response")
                .tag("code", RequestCode.nameOf(requestCode))
                .tag("result", result(responseCode))
                .register(meters)
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private static String result(int responseCode) {
        return switch (responseCode) {
            case NO_RESPONSE -> "NONE";
            case SKIPPED -> "SKIPPED_CONNECTION_CLOSED";
            default -> ResponseCode.nameOf(responseCode);
        };
    }
}
