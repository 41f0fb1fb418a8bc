package io.couriermq.client.internal;

import io.couriermq.client.route.RouteCache;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.UnregisterClientRequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HEART_BEAT to every broker of every route in use, periodically and at once when membership or
 * subscriptions change (a rebalance must reach the brokers before the next pull carries the new
 * subscription version); UNREGISTER_CLIENT when a group leaves. Like the official client, a runtime with
 * consumers beats to slaves too (a slave it pulls from must know the subscription), a producer-only
 * runtime to masters only.
 */
public final class Heartbeats {
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final BrokerRpc brokers;
    private final RouteCache routes;
    private final ClientMembers members;

    public Heartbeats(BrokerRpc brokers, RouteCache routes, ClientMembers members) {
        this.brokers = brokers;
        this.routes = routes;
        this.members = members;
    }

    /** Sends a heartbeat to every known broker; completes when all have answered or failed. */
    public CompletableFuture<Void> sendToAll() {
        if (members.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        HeartbeatData heartbeat = members.heartbeat();
        byte[] body = RemotingJson.encode(heartbeat);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String address : targets()) {
            sent.add(send(address, body));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /** Sends a heartbeat to one broker (e.g. one just learned from a route). */
    public CompletableFuture<Void> sendTo(String address) {
        return send(address, RemotingJson.encode(members.heartbeat()));
    }

    /**
     * Whether the broker at {@code address} answers a heartbeat (whatever its code) within {@code
     * timeoutMs}; fails when it does not. The heartbeat is the one this runtime sends anyway, so probing
     * registers nothing new.
     */
    public CompletableFuture<Boolean> probe(String address, long timeoutMs) {
        RemotingCommand request = RemotingCommand.request(RequestCode.HEART_BEAT)
                .body(RemotingJson.encode(members.heartbeat()))
                .build();
        return brokers.invoke(address, request, timeoutMs).thenApply(response -> true);
    }

    /** Tells every known broker that {@code producerGroup} / {@code consumerGroup} (either may be null) left. */
    public void unregister(String clientId, String producerGroup, String consumerGroup) {
        Set<String> addresses = routes.allAddresses();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String address : addresses) {
            RemotingCommand request = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT)
                    .header(new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup))
                    .build();
            sent.add(
                    brokers.invoke(address, request, brokers.defaultTimeoutMs()).exceptionally(failure -> {
                        log.debug("unregister at {} failed: {}", address, failure.getMessage());
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private Set<String> targets() {
        return members.hasConsumers() ? routes.allAddresses() : routes.masterAddresses();
    }

    private CompletableFuture<Void> send(String address, byte[] body) {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.HEART_BEAT).body(body).build();
        return brokers.invokeExpectingSuccess(address, request, brokers.defaultTimeoutMs())
                .handle((response, failure) -> {
                    if (failure != null) {
                        log.debug("heartbeat to {} failed: {}", address, failure.getMessage());
                    }
                    return null;
                });
    }
}
