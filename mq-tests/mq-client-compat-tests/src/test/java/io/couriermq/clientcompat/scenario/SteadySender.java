package io.couriermq.clientcompat.scenario;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.SendResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady sync sends on one thread ("seq-0", "seq-1", ...) until stopped, recording when each send
 * succeeded or failed: the load under which rebalance and failover are observed.
 */
final class SteadySender implements AutoCloseable {
    /** One send: when it returned, and the broker that took it (null when it failed). */
    record Outcome(String body, long atMs, String broker, String error) {
        boolean succeeded() {
            return broker != null;
        }
    }

    private final Producer producer;
    private final String topic;
    private final long pauseNanos;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    SteadySender(Producer producer, String topic, long pauseMs) {
        this.producer = producer;
        this.topic = topic;
        this.pauseNanos = pauseMs * 1_000_000L;
        this.thread = new Thread(this::run, "steady-sender-" + topic);
        thread.start();
    }

    private void run() {
        int sequence = 0;
        while (running) {
            String body = "seq-" + sequence++;
            try {
                SendResult result = producer.send(OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8))
                        .build());
                outcomes.add(new Outcome(
                        body, System.currentTimeMillis(), result.queue().brokerName(), null));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(body, System.currentTimeMillis(), null, e.getMessage()));
            }
            LockSupport.parkNanos(pauseNanos);
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** How many sends {@code broker} acknowledged at or after {@code fromMs}. */
    long acknowledgedBy(String broker, long fromMs) {
        return outcomes.stream()
                .filter(outcome -> broker.equals(outcome.broker()) && outcome.atMs() >= fromMs)
                .count();
    }

    List<String> sentBodies() {
        return outcomes.stream().filter(Outcome::succeeded).map(Outcome::body).toList();
    }

    /** The longest time without a successful send from {@code fromMs} on (the first gap starts at it). */
    long longestGapMs(long fromMs) {
        long previous = fromMs;
        long longest = 0;
        for (Outcome outcome : outcomes) {
            if (!outcome.succeeded() || outcome.atMs() < fromMs) {
                continue;
            }
            longest = Math.max(longest, outcome.atMs() - previous);
            previous = outcome.atMs();
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
