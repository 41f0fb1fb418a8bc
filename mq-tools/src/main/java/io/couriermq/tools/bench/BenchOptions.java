package io.couriermq.tools.bench;

import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.security.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed bench command line.
 *
 * @param mode what to do
 * @param nameServer NameServer address {@code host:port}
 * @param topic the topic to load, or with {@code topics} over 1 the prefix of the topics' names
 * @param topics how many topics to spread the sends over: {@code <topic>-0} to {@code <topic>-<topics - 1>};
 *     1 for {@code topic} alone
 * @param threads worker threads (sending threads, or pulling threads for consume)
 * @param sizeBytes message body size
 * @param duration how long to run; null when {@code messages} bounds the run
 * @param messages how many messages to send (or consume); 0 when {@code duration} bounds the run
 * @param warmupMessages messages sent first, unreported, in the same JVM; 0 for none
 * @param inFlight most async sends awaiting an answer at once
 * @param batchSize messages per SEND_BATCH_MESSAGE
 * @param ratePerSecond messages per second in latency mode
 * @param group consumer group (pulls) and producer group (sends)
 * @param queues queues per broker when the tool creates the topic
 * @param fromOffset consume from this offset instead of each queue's minimum; -1 for the minimum
 * @param transport how to talk to the brokers ({@code --transport}); null for the launcher's default
 * @param credentials signs every request (the global {@code --access-key}/{@code --secret-key}); null
 *     for unsigned requests
 * @param tls TLS on every connection (the global {@code --tls} options); {@link TlsClientSettings#disabled()}
 *     for plain connections
 */
public record BenchOptions(
        BenchMode mode,
        String nameServer,
        String topic,
        int topics,
        int threads,
        int sizeBytes,
        Duration duration,
        long messages,
        long warmupMessages,
        int inFlight,
        int batchSize,
        int ratePerSecond,
        String group,
        int queues,
        long fromOffset,
        String transport,
        Credentials credentials,
        TlsClientSettings tls) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

    /** The topics loaded: {@code topic} alone, or {@code topics} names made from it. */
    public List<String> topicNames() {
        if (topics == 1) {
            return List.of(topic);
        }
        List<String> names = new ArrayList<>(topics);
        for (int index = 0; index < topics; index++) {
            names.add(topic + "-" + index);
        }
        return names;
    }

    /** True when the run stops after a number of messages rather than a time. */
    public boolean boundedByMessages() {
        return messages > 0;
    }
}
