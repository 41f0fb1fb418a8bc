package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code mqlisteners} endpoint: every listener container with its state and lag, and pause, resume or
 * restart of one by id (e.g. {@code POST /actuator/mqlisteners/orders} with {@code {"action":"pause"}}) to
 * hold consumption during an incident without redeploying. Lag is asked from the brokers on each read.
 * The write operation is refused (403, saying how to enable it) unless {@link EndpointWriteAccess} allows it.
 */
@Endpoint(id = "mqlisteners")
public class MQListenersEndpoint {
    private static final Logger log = LoggerFactory.getLogger(MQListenersEndpoint.class);
    private static final int FORBIDDEN = 403;

    private final MQListenerEndpointRegistry registry;
    private final EndpointWriteAccess writeAccess;

    public MQListenersEndpoint(MQListenerEndpointRegistry registry, EndpointWriteAccess writeAccess) {
        this.registry = registry;
        this.writeAccess = writeAccess;
    }

    @ReadOperation
    public ListenersDescriptor listeners() {
        return new ListenersDescriptor(registry.getListenerContainers().stream()
                .map(MQListenersEndpoint::describe)
                .toList());
    }

    /** One container, or nothing (404) when there is none with that id. */
    @ReadOperation
    public @Nullable ContainerDescriptor listener(@Selector String id) {
        MQListenerContainer container = find(id);
        return container == null ? null : describe(container);
    }

    /**
     * Applies {@code action} ({@code pause}, {@code resume} or {@code restart}) and returns the new state;
     * 403 with {@code error} saying how to enable it while writes are disabled.
     */
    @WriteOperation
    public WebEndpointResponse<Object> control(@Selector String id, String action) {
        if (!writeAccess.allowed()) {
            log.warn("mqlisteners: {} of listener container {} refused: write operations are disabled", action, id);
            return new WebEndpointResponse<>(
                    Map.of("error", "mqlisteners " + action + ": " + EndpointWriteAccess.HOW_TO_ENABLE), FORBIDDEN);
        }
        MQListenerContainer container = find(id);
        if (container == null) {
            throw new InvalidEndpointRequestException(
                    "no listener container '" + id + "'", "no listener container with that id");
        }
        switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "pause" -> registry.pause(id);
            case "resume" -> registry.resume(id);
            case "restart" -> registry.restart(id);
            default ->
                throw new InvalidEndpointRequestException(
                        "unknown action '" + action + "'; use pause, resume or restart", "unknown action");
        }
        log.info("listener container {}: {} requested through the mqlisteners endpoint", id, action);
        return new WebEndpointResponse<>(describe(container));
    }

    private @Nullable MQListenerContainer find(String id) {
        return registry.getListenerContainers().stream()
                .filter(container -> container.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static ContainerDescriptor describe(MQListenerContainer container) {
        Map<String, Map<String, Long>> lag = new TreeMap<>();
        Long total = null;
        String lagError = null;
        if (container.isRunning()) {
            try {
                long sum = 0;
                for (Map.Entry<MessageQueue, Long> entry : container.lag().entrySet()) {
                    MessageQueue queue = entry.getKey();
                    lag.computeIfAbsent(queue.topic(), topic -> new TreeMap<>())
                            .put(queue.brokerName() + ":" + queue.queueId(), entry.getValue());
                    sum += entry.getValue();
                }
                total = sum;
            } catch (RuntimeException e) {
                lagError = e.toString();
            }
        }
        return new ContainerDescriptor(
                container.id(),
                container.group(),
                container.topics(),
                container.isRunning(),
                container.isPaused(),
                lag,
                total,
                lagError);
    }

    /** Every container of the application. */
    public record ListenersDescriptor(List<ContainerDescriptor> containers) {}

    /**
     * One container.
     *
     * @param lag per topic (retry topics included), per queue as {@code broker:queueId}: messages not yet
     *     consumed; empty while stopped
     * @param totalLag their sum; null while stopped or when the brokers could not be asked
     * @param lagError why the lag is missing, when asking the brokers failed
     */
    public record ContainerDescriptor(
            String id,
            String group,
            List<String> topics,
            boolean running,
            boolean paused,
            Map<String, Map<String, Long>> lag,
            @Nullable Long totalLag,
            @Nullable String lagError) {}
}
