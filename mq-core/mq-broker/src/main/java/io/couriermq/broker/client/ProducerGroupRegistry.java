package io.couriermq.broker.client;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.Connection;
import io.couriermq.remoting.protocol.body.ProducerConnection;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which producers are connected, by group. The broker needs a producer's channel to ask it about an
 * unresolved transaction (the check-back goes to any live member of the message's producer group),
 * and admin tools list the connections. Members leave on UNREGISTER_CLIENT, connection close and
 * silence, like consumers; producers get no notifications.
 */
public final class ProducerGroupRegistry {
    private static final Logger log = LoggerFactory.getLogger(ProducerGroupRegistry.class);

    private final ConcurrentMap<String, ChannelTable> groups = new ConcurrentHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();
    private final Clock clock;

    public ProducerGroupRegistry(Clock clock) {
        this.clock = clock;
    }

    public void register(String groupName, ClientIdentity client) {
        if (groupName == null || groupName.isBlank()) {
            throw new IllegalArgumentException("a producer group of client " + client.clientId() + " has no name");
        }
        groups.compute(groupName, (name, existing) -> {
            ChannelTable members = existing != null ? existing : new ChannelTable(name);
            if (members.refresh(client, clock.millis())) {
                log.debug("producer {} joined group {} from {}", client.clientId(), name, client.channel());
            }
            return members;
        });
    }

    /** UNREGISTER_CLIENT: the client leaves the group. True when it was a member. */
    public boolean unregister(String groupName, String clientId) {
        return remove(groupName, members -> members.removeClient(clientId));
    }

    public void channelClosed(RemotingChannel channel) {
        for (String groupName : List.copyOf(groups.keySet())) {
            remove(groupName, members -> members.remove(channel));
        }
    }

    /** Removes members silent for more than {@code maxIdleMillis}; returns them. */
    public List<ClientChannelInfo> expireSilent(long maxIdleMillis) {
        long oldestAllowed = clock.millis() - maxIdleMillis;
        List<ClientChannelInfo> expired = new ArrayList<>();
        for (String groupName : List.copyOf(groups.keySet())) {
            remove(groupName, members -> expired.addAll(members.removeSilentSince(oldestAllowed)));
        }
        return expired;
    }

    /** A live channel of the group, rotating among members so check-backs spread over them. */
    public Optional<RemotingChannel> anyProducerChannel(String producerGroup) {
        ChannelTable members = groups.get(producerGroup);
        if (members == null) {
            return Optional.empty();
        }
        List<RemotingChannel> live =
                members.channels().stream().filter(RemotingChannel::isActive).toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(live.get(Math.floorMod(rotation.getAndIncrement(), live.size())));
    }

    /** The group's connections; empty when nobody is online. */
    public Optional<ProducerConnection> connection(String producerGroup) {
        ChannelTable members = groups.get(producerGroup);
        if (members == null || members.isEmpty()) {
            return Optional.empty();
        }
        Set<Connection> connections = new LinkedHashSet<>();
        members.members().stream()
                .map(info -> info.identity().toConnection())
                .sorted(Comparator.comparing(Connection::clientId))
                .forEach(connections::add);
        return Optional.of(new ProducerConnection(connections));
    }

    public List<ClientChannelInfo> members(String producerGroup) {
        ChannelTable members = groups.get(producerGroup);
        return members == null ? List.of() : members.members();
    }

    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    private boolean remove(String groupName, Predicate<ChannelTable> removal) {
        boolean[] removed = new boolean[1];
        groups.computeIfPresent(groupName, (name, members) -> {
            removed[0] = removal.test(members);
            return members.isEmpty() ? null : members;
        });
        return removed[0];
    }
}
