package io.couriermq.broker.client;

import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live members of one group, by channel. Thread-safe for reads; the owning registry serialises
 * changes per group so that "became empty" and "group removed" happen together.
 */
final class ChannelTable {
    private static final Logger log = LoggerFactory.getLogger(ChannelTable.class);

    private final String group;
    private final ConcurrentMap<RemotingChannel, ClientChannelInfo> byChannel = new ConcurrentHashMap<>();

    ChannelTable(String group) {
        this.group = group;
    }

    /** Records a heartbeat; true when the channel is new to the group. */
    boolean refresh(ClientIdentity client, long nowMillis) {
        ClientChannelInfo previous = byChannel.put(client.channel(), new ClientChannelInfo(client, nowMillis));
        if (previous != null && !previous.identity().clientId().equals(client.clientId())) {
            log.warn(
                    "group {}: channel {} changed its client id from {} to {}",
                    group,
                    client.channel(),
                    previous.identity().clientId(),
                    client.clientId());
        }
        return previous == null;
    }

    boolean remove(RemotingChannel channel) {
        return byChannel.remove(channel) != null;
    }

    /** Removes every entry of {@code clientId}, whichever connection it came on. */
    boolean removeClient(String clientId) {
        return byChannel.values().removeIf(info -> info.identity().clientId().equals(clientId));
    }

    /** Removes and returns the members whose last heartbeat is older than {@code oldestAllowedMillis}. */
    List<ClientChannelInfo> removeSilentSince(long oldestAllowedMillis) {
        List<ClientChannelInfo> removed = new ArrayList<>();
        byChannel.values().removeIf(info -> {
            boolean silent = info.lastHeartbeatMillis() < oldestAllowedMillis;
            if (silent) {
                removed.add(info);
            }
            return silent;
        });
        return removed;
    }

    boolean isEmpty() {
        return byChannel.isEmpty();
    }

    boolean contains(RemotingChannel channel) {
        return byChannel.containsKey(channel);
    }

    List<ClientChannelInfo> members() {
        return List.copyOf(byChannel.values());
    }

    List<RemotingChannel> channels() {
        return List.copyOf(byChannel.keySet());
    }
}
