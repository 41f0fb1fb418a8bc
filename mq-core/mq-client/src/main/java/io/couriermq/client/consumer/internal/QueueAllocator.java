package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.consumer.AllocationStrategy;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.route.RouteCache;
import io.couriermq.client.route.TopicRoute;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebalance step for one topic (remoting-protocol §6.5 steps 1-3): the topic's readable queues,
 * sorted; for a clustering group the members' ids from a broker, sorted, and this member's share by the
 * strategy; for broadcasting every queue. An empty answer means "skip the topic this round" (no route
 * yet, no member list, or this member not registered yet), which keeps the current assignment.
 */
public final class QueueAllocator {
    private static final Logger log = LoggerFactory.getLogger(QueueAllocator.class);

    private final String group;
    private final String clientId;
    private final MessageModel model;
    private final AllocationStrategy strategy;
    private final RouteCache routes;
    private final ConsumerRequests requests;

    public QueueAllocator(
            String group,
            String clientId,
            MessageModel model,
            AllocationStrategy strategy,
            RouteCache routes,
            ConsumerRequests requests) {
        this.group = group;
        this.clientId = clientId;
        this.model = model;
        this.strategy = strategy;
        this.routes = routes;
        this.requests = requests;
    }

    public Optional<Set<MessageQueue>> allocate(String topic) {
        TopicRoute route;
        try {
            route = BrokerRpc.join(routes.route(topic));
        } catch (ClientException e) {
            log.debug("rebalance of {} for group {} skipped: no route ({})", topic, group, e.getMessage());
            return Optional.empty();
        }
        List<MessageQueue> queues = new ArrayList<>(route.readQueues());
        queues.sort(null);
        if (model == MessageModel.BROADCASTING) {
            return Optional.of(new LinkedHashSet<>(queues));
        }
        List<String> members;
        try {
            members = new ArrayList<>(requests.consumerIds(group, route));
        } catch (ClientException e) {
            log.info(
                    "rebalance of {} for group {} skipped: member list unavailable ({})", topic, group, e.getMessage());
            return Optional.empty();
        }
        if (!members.contains(clientId)) {
            log.info(
                    "rebalance of {} skipped: {} not yet among the members {} of group {}",
                    topic,
                    clientId,
                    members,
                    group);
            return Optional.empty();
        }
        members.sort(null);
        return Optional.of(new LinkedHashSet<>(strategy.allocate(group, clientId, queues, members)));
    }
}
