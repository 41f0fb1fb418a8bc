package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.Connectivity;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.MQProducers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the application's CourierMQ client, contributed as {@code courier}. DOWN when no NameServer
 * answers a probe: then routes can no longer be learned and sends to new topics, rebalances and reconnects
 * fail, which a stuck producer would only show later as a timeout. Unreachable brokers are listed but do
 * not make it DOWN, since the client sends to the brokers that still answer.
 */
public class MQHealthIndicator extends AbstractHealthIndicator {
    /** A probe waits at most 1 s per server; this bounds the whole check, so a health request never hangs. */
    static final Duration PROBE_WAIT = Duration.ofSeconds(2);

    private final ClientRuntime runtime;
    private final ObjectProvider<MQProducers> producers;
    private final ObjectProvider<MQListenerEndpointRegistry> listeners;

    public MQHealthIndicator(
            ClientRuntime runtime,
            ObjectProvider<MQProducers> producers,
            ObjectProvider<MQListenerEndpointRegistry> listeners) {
        super("CourierMQ health check failed");
        this.runtime = runtime;
        this.producers = producers;
        this.listeners = listeners;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Connectivity connectivity;
        try {
            connectivity = runtime.probe().get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "connectivity probe did not finish within " + PROBE_WAIT);
            addClientDetails(builder);
            return;
        }
        if (connectivity.anyNameServerReachable()) {
            builder.up();
        } else {
            builder.down();
        }
        Map<String, Object> nameServers = new LinkedHashMap<>();
        nameServers.put("reachable", connectivity.nameServersReachable());
        nameServers.put("unreachable", connectivity.nameServersUnreachable());
        builder.withDetail("nameServers", nameServers);
        builder.withDetail("brokers", connectivity.brokersReachable());
        addClientDetails(builder);
    }

    private void addClientDetails(Health.Builder builder) {
        MQProducers producerBeans = producers.getIfAvailable();
        if (producerBeans != null) {
            builder.withDetail("producerGroups", producerBeans.groups());
        }
        MQListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry != null) {
            List<Map<String, Object>> containers = new ArrayList<>();
            for (MQListenerContainer container : registry.getListenerContainers()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("id", container.id());
                details.put("group", container.group());
                details.put("topics", container.topics());
                details.put("running", container.isRunning());
                details.put("paused", container.isPaused());
                containers.add(details);
            }
            builder.withDetail("containers", containers);
        }
    }
}
