package io.couriermq.client.internal;

import io.couriermq.client.Connectivity;
import io.couriermq.client.route.RouteCache;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every configured NameServer (GET_BROKER_CLUSTER_INFO, which every NameServer answers from memory)
 * and every broker master of the cached routes (a HEART_BEAT with this runtime's usual data, so it changes
 * nothing the periodic one would not) whether it answers, all in parallel with a short timeout. Any
 * answer, whatever its code, counts as reachable: the question is the connection, not the request. The
 * timeout covers the connect as well, so a probe ends within it even for an address that drops packets.
 * NameServers are asked directly, not through the failover client, so each one is judged on its own.
 */
public final class ConnectivityProbe {
    private static final Logger log = LoggerFactory.getLogger(ConnectivityProbe.class);

    private final NettyRemotingClient remoting;
    private final List<String> nameServers;
    private final RouteCache routes;
    private final Heartbeats heartbeats;
    private final Clock clock;
    private final long timeoutMs;

    public ConnectivityProbe(
            NettyRemotingClient remoting,
            List<String> nameServers,
            RouteCache routes,
            Heartbeats heartbeats,
            Clock clock,
            long timeoutMs) {
        this.remoting = remoting;
        this.nameServers = List.copyOf(nameServers);
        this.routes = routes;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    /** Never fails: whatever goes wrong with a server makes it unreachable. */
    public CompletableFuture<Connectivity> probe() {
        long startedMs = clock.millis();
        Map<String, CompletableFuture<Boolean>> nameServerAnswers = new LinkedHashMap<>();
        for (String address : nameServers) {
            nameServerAnswers.put(address, answers(address, () -> remoting.invokeAsync(
                            address,
                            RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO)
                                    .build(),
                            timeoutMs)
                    .thenApply(response -> true)));
        }
        Map<String, CompletableFuture<Boolean>> brokerAnswers = new LinkedHashMap<>();
        for (String address : routes.masterAddresses()) {
            brokerAnswers.put(address, answers(address, () -> heartbeats.probe(address, timeoutMs)));
        }
        List<CompletableFuture<Boolean>> all = new ArrayList<>(nameServerAnswers.values());
        all.addAll(brokerAnswers.values());
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<String> reachable = new ArrayList<>();
            List<String> unreachable = new ArrayList<>();
            nameServerAnswers.forEach((address, answer) -> (answer.join() ? reachable : unreachable).add(address));
            Map<String, Boolean> brokers = new LinkedHashMap<>();
            brokerAnswers.forEach((address, answer) -> brokers.put(address, answer.join()));
            return new Connectivity(reachable, unreachable, brokers, startedMs);
        });
    }

    /** {@code request}'s outcome as reachable or not; a failure, thrown or completed, is "not". */
    private CompletableFuture<Boolean> answers(String address, Supplier<CompletableFuture<Boolean>> request) {
        try {
            // bounds the connect too, which the remoting client times separately
            return request.get().orTimeout(timeoutMs, TimeUnit.MILLISECONDS).handle((reachable, failure) -> {
                if (failure != null) {
                    log.debug("{} unreachable: {}", address, failure.toString());
                    return false;
                }
                return reachable;
            });
        } catch (RuntimeException e) {
            log.debug("{} unreachable: {}", address, e.toString());
            return CompletableFuture.completedFuture(false);
        }
    }
}
