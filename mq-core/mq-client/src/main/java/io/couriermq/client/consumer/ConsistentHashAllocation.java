package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hash ring with {@code virtualNodes} points per member; a queue belongs to the first member point at
 * or after its own hash (wrapping around). A member joining takes over only the queues that now fall
 * just before its points, so most queues stay where they are, which keeps duplicates around a rebalance
 * low. Hashes are the first 8 bytes of MD5, so every JVM computes the same ring.
 */
public final class ConsistentHashAllocation implements AllocationStrategy {
    public static final int DEFAULT_VIRTUAL_NODES = 10;

    private final int virtualNodes;

    public ConsistentHashAllocation(int virtualNodes) {
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtual nodes must be at least 1, was " + virtualNodes);
        }
        this.virtualNodes = virtualNodes;
    }

    @Override
    public List<MessageQueue> allocate(
            String group, String clientId, List<MessageQueue> queues, List<String> clientIds) {
        if (!clientIds.contains(clientId)) {
            return List.of();
        }
        TreeMap<Long, String> ring = new TreeMap<>();
        for (String member : clientIds) {
            for (int node = 0; node < virtualNodes; node++) {
                ring.put(hash(member + "#" + node), member);
            }
        }
        List<MessageQueue> mine = new ArrayList<>();
        for (MessageQueue queue : queues) {
            if (clientId.equals(
                    ownerOf(ring, hash(queue.topic() + "@" + queue.brokerName() + "@" + queue.queueId())))) {
                mine.add(queue);
            }
        }
        return mine;
    }

    @Override
    public String name() {
        return "CONSISTENT_HASH";
    }

    private static String ownerOf(TreeMap<Long, String> ring, long key) {
        SortedMap<Long, String> tail = ring.tailMap(key);
        Map.Entry<Long, String> owner =
                tail.isEmpty() ? ring.firstEntry() : Map.entry(tail.firstKey(), tail.get(tail.firstKey()));
        return owner.getValue();
    }

    private static long hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xFF);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every JVM", e);
        }
    }
}
