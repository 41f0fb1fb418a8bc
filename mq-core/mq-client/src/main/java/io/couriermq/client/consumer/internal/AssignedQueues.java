package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The queues a consumer currently works on, each with its {@link ProcessQueue}. */
public final class AssignedQueues {
    private final Map<MessageQueue, ProcessQueue> queues = new ConcurrentHashMap<>();

    public ProcessQueue get(MessageQueue queue) {
        return queues.get(queue);
    }

    public void put(ProcessQueue processQueue) {
        queues.put(processQueue.queue(), processQueue);
    }

    /** Removes the entry only if it is still {@code processQueue} (a newer one may have replaced it). */
    public boolean remove(ProcessQueue processQueue) {
        return queues.remove(processQueue.queue(), processQueue);
    }

    public List<ProcessQueue> all() {
        return List.copyOf(queues.values());
    }

    public List<ProcessQueue> ofTopic(String topic) {
        return queues.values().stream()
                .filter(processQueue -> processQueue.queue().topic().equals(topic))
                .toList();
    }
}
