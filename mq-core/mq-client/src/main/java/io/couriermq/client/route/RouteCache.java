package io.couriermq.client.route;

import io.couriermq.client.ClientException;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic routes by topic: fetched on first use, refreshed for every topic in use by {@link #refreshAll()}
 * (the runtime calls it periodically) and on demand after a send error. A refresh that fails keeps the
 * last known route: a NameServer outage must not stop traffic to brokers that are still up.
 */
public final class RouteCache {
    private static final Logger log = LoggerFactory.getLogger(RouteCache.class);

    private final NameServerClient nameServers;
    private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TopicRoute>> fetching = new ConcurrentHashMap<>();

    public RouteCache(NameServerClient nameServers) {
        this.nameServers = nameServers;
    }

    /** The cached route of {@code topic}, or a fetch of it. Fails with TOPIC_NOT_EXIST when no broker has it. */
    public CompletableFuture<TopicRoute> route(String topic) {
        TopicRoute cached = routes.get(topic);
        return cached != null ? CompletableFuture.completedFuture(cached) : refresh(topic);
    }

    /** Fetches the route of {@code topic} now; concurrent callers share one request. */
    public CompletableFuture<TopicRoute> refresh(String topic) {
        CompletableFuture<TopicRoute> mine = new CompletableFuture<>();
        CompletableFuture<TopicRoute> running = fetching.putIfAbsent(topic, mine);
        if (running != null) {
            return running;
        }
        nameServers
                .invoke(() -> RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build())
                .thenApply(response -> decode(topic, response))
                .whenComplete((route, failure) -> {
                    fetching.remove(topic, mine);
                    if (failure == null) {
                        routes.put(topic, route);
                        mine.complete(route);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                });
        return mine;
    }

    /** Refreshes every cached route, keeping the old one where the refresh fails. */
    public void refreshAll() {
        for (String topic : Set.copyOf(routes.keySet())) {
            refresh(topic).whenComplete((route, failure) -> {
                if (failure != null) {
                    log.debug("route refresh of {} failed, keeping the cached one: {}", topic, failure.getMessage());
                }
            });
        }
    }

    /** The last known route of {@code topic}, or null. */
    public TopicRoute cached(String topic) {
        return routes.get(topic);
    }

    /** Every broker master address of every cached route (the heartbeat's targets). */
    public Set<String> masterAddresses() {
        Set<String> addresses = new HashSet<>();
        for (TopicRoute route : routes.values()) {
            addresses.addAll(route.masters().values());
        }
        return addresses;
    }

    /** Every live broker address, masters and slaves, of every cached route. */
    public Set<String> allAddresses() {
        Set<String> addresses = new HashSet<>();
        for (TopicRoute route : routes.values()) {
            addresses.addAll(route.addresses());
        }
        return addresses;
    }

    /** The topics whose cached route lists {@code address} (as a master or a slave). */
    public Set<String> topicsUsing(String address) {
        Set<String> topics = new HashSet<>();
        routes.forEach((topic, route) -> {
            if (route.addresses().contains(address)) {
                topics.add(topic);
            }
        });
        return topics;
    }

    /**
     * The live members of broker set {@code brokerName}: from the route of {@code topic} when it is
     * cached and lists the set (the freshest view for that topic's queues), else from any cached route;
     * null when no cached route lists the set.
     */
    public BrokerReplicas replicas(String topic, String brokerName) {
        TopicRoute own = routes.get(topic);
        BrokerReplicas replicas = own == null ? null : own.replicas(brokerName);
        if (replicas != null) {
            return replicas;
        }
        for (TopicRoute route : routes.values()) {
            replicas = route.replicas(brokerName);
            if (replicas != null) {
                return replicas;
            }
        }
        return null;
    }

    /** The master address of {@code brokerName} in any cached route, or null. */
    public String masterAddress(String brokerName) {
        for (TopicRoute route : routes.values()) {
            String address = route.masterAddress(brokerName);
            if (address != null) {
                return address;
            }
        }
        return null;
    }

    public Collection<String> topics() {
        return Set.copyOf(routes.keySet());
    }

    private static TopicRoute decode(String topic, RemotingCommand response) {
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
            throw new ClientException(
                    "topic " + topic + " does not exist on any broker (" + response.remark() + ")",
                    response.code(),
                    false);
        }
        if (response.code() != ResponseCode.SUCCESS.code() || !response.hasBody()) {
            throw new ClientException(
                    "route of " + topic + ": " + ResponseCode.nameOf(response.code()) + " " + response.remark(),
                    response.code(),
                    true);
        }
        return TopicRoute.of(topic, RemotingJson.decode(response.body(), TopicRouteData.class));
    }
}
