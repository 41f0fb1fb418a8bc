package io.couriermq.broker.client;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.logging.RateLimitedLog;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which consumers are connected, in which groups, with which subscriptions. Fed by HEART_BEAT, emptied
 * by UNREGISTER_CLIENT, connection close and silence: a consumer id left behind would still count in
 * every member's queue allocation and starve queues (the "ghost consumer").
 *
 * <p>Changes to one group are serialised (a group that becomes empty disappears atomically, so a
 * concurrent heartbeat never lands in a removed group); reads never wait. When a group's members or
 * subscriptions change, the {@link ConsumerIdsChangeListener} hears about it after the change.
 */
public final class ConsumerGroupRegistry {
    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupRegistry.class);
    /** Joins and closes are one line each, per group a minute: a peer reconnecting in a loop is a count. */
    private final RateLimitedLog membership = new RateLimitedLog(log, Duration.ofMinutes(1));

    private final ConcurrentMap<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ConsumerIdsChangeListener listener;

    public ConsumerGroupRegistry(Clock clock, ConsumerIdsChangeListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Registers one consumer group of a heartbeat. With {@code keepSubscriptions} (a heartbeat-V2 body
     * sent without subscriptions) the stored subscriptions stay as they are.
     *
     * @return true when the group's members or subscriptions changed (and its members were notified)
     */
    public boolean register(ClientIdentity client, ConsumerData data, boolean keepSubscriptions) {
        String groupName = data.groupName();
        if (groupName == null || groupName.isBlank()) {
            throw new IllegalArgumentException("a consumer group of client " + client.clientId() + " has no name");
        }
        boolean[] changed = new boolean[1];
        groups.compute(groupName, (name, existing) -> {
            ConsumerGroup group = existing != null ? existing : new ConsumerGroup(name);
            boolean joined = group.members.refresh(client, clock.millis());
            group.updateSettings(data);
            boolean resubscribed = !keepSubscriptions && group.updateSubscriptions(data.subscriptionDataSet());
            changed[0] = joined || resubscribed;
            if (joined) {
                membership.info(
                        "consumer joined group " + name,
                        "consumer {} joined group {} from {}",
                        client.clientId(),
                        name,
                        client.channel());
            }
            return group;
        });
        if (changed[0]) {
            notifyMembers(groupName);
        }
        return changed[0];
    }

    /** UNREGISTER_CLIENT: the client leaves the group. True when it was a member. */
    public boolean unregister(String groupName, String clientId) {
        boolean removed = change(groupName, group -> group.members.removeClient(clientId));
        if (removed) {
            log.info("consumer {} left group {}", clientId, groupName);
        }
        return removed;
    }

    /** The connection is gone: it leaves every group it was in. */
    public void channelClosed(RemotingChannel channel) {
        for (String groupName : List.copyOf(groups.keySet())) {
            if (change(groupName, group -> group.members.remove(channel))) {
                membership.info(
                        "consumer channel closed in group " + groupName,
                        "consumer channel {} closed; removed from group {}",
                        channel,
                        groupName);
            }
        }
    }

    /**
     * Removes members whose last heartbeat is more than {@code maxIdleMillis} old; their client is dead
     * or cut off even if no close was seen. Returns the members removed.
     */
    public List<ClientChannelInfo> expireSilent(long maxIdleMillis) {
        long oldestAllowed = clock.millis() - maxIdleMillis;
        List<ClientChannelInfo> expired = new ArrayList<>();
        for (String groupName : List.copyOf(groups.keySet())) {
            List<ClientChannelInfo> removed = new ArrayList<>();
            change(groupName, group -> removed.addAll(group.members.removeSilentSince(oldestAllowed)));
            removed.forEach(info -> log.warn(
                    "consumer {} of group {} sent no heartbeat for more than {} ms; removed",
                    info.identity().clientId(),
                    groupName,
                    maxIdleMillis));
            expired.addAll(removed);
        }
        return expired;
    }

    /** The group's subscription to {@code topic}, with the highest subVersion seen. */
    public Optional<SubscriptionData> subscription(String groupName, String topic) {
        ConsumerGroup group = groups.get(groupName);
        return group == null ? Optional.empty() : group.subscription(topic);
    }

    /** Groups with at least one live member that subscribe to {@code topic}, sorted. */
    public Set<String> onlineGroupsSubscribedTo(String topic) {
        Set<String> result = new TreeSet<>();
        groups.forEach((name, group) -> {
            if (!group.members.isEmpty() && group.subscribesTo(topic)) {
                result.add(name);
            }
        });
        return result;
    }

    /** The client ids of the group's members, sorted and distinct: what every member allocates from. */
    public List<String> consumerIds(String groupName) {
        ConsumerGroup group = groups.get(groupName);
        if (group == null) {
            return List.of();
        }
        return group.members.members().stream()
                .map(info -> info.identity().clientId())
                .distinct()
                .sorted()
                .toList();
    }

    /** The group's connections, subscriptions and settings; empty when nobody is online. */
    public Optional<ConsumerConnection> connection(String groupName) {
        ConsumerGroup group = groups.get(groupName);
        if (group == null || group.members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(group.toConnection());
    }

    /** The live channel of one member, for calls the broker relays to it. */
    public Optional<RemotingChannel> channelOf(String groupName, String clientId) {
        ConsumerGroup group = groups.get(groupName);
        if (group == null) {
            return Optional.empty();
        }
        return group.members.members().stream()
                .filter(info -> info.identity().clientId().equals(clientId))
                .map(info -> info.identity().channel())
                .filter(RemotingChannel::isActive)
                .findFirst();
    }

    public List<ClientChannelInfo> members(String groupName) {
        ConsumerGroup group = groups.get(groupName);
        return group == null ? List.of() : group.members.members();
    }

    /** Names of the groups with at least one member, sorted. */
    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    /** Applies a removal to one group, drops the group when it empties, and notifies the rest on change. */
    private boolean change(String groupName, Predicate<ConsumerGroup> removal) {
        boolean[] changed = new boolean[1];
        groups.computeIfPresent(groupName, (name, group) -> {
            changed[0] = removal.test(group);
            return group.members.isEmpty() ? null : group;
        });
        if (changed[0]) {
            notifyMembers(groupName);
        }
        return changed[0];
    }

    private void notifyMembers(String groupName) {
        ConsumerGroup group = groups.get(groupName);
        if (group != null) {
            listener.consumerIdsChanged(groupName, group.members.channels());
        }
    }
}
