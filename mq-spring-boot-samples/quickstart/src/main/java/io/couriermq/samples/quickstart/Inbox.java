package io.couriermq.samples.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the listeners received: each receipt is logged as {@code received <what>}, and counted when it is
 * one of the {@link #EXPECTED} ones, so the runner can wait until all of them are in.
 */
@Component
public class Inbox {
    /** One line per message the quickstart sends, as the listeners describe it. */
    public static final List<String> EXPECTED = List.of(
            "note: sync send",
            "greeting: hello from Ada",
            "note: sync send with a tag [tag important]",
            "note: async send, future",
            "note: async send, callback",
            "note: oneway send",
            "note: orderly send",
            "note: delay level 1 (1 s)",
            "note: delayed by 2 seconds",
            "note: delivered at a time",
            "note: batch part 1",
            "note: batch part 2",
            "request: ping",
            "reply: pong to ping");

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allExpected = new CountDownLatch(EXPECTED.size());

    public void record(String what) {
        log.info("received {}", what);
        if (received.add(what) && EXPECTED.contains(what)) {
            allExpected.countDown();
        }
    }

    /** Waits until every expected message was received; false when {@code timeout} passed first. */
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        return allExpected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The expected messages not received (yet). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>(EXPECTED);
        missing.removeAll(received);
        return missing;
    }

    public Set<String> received() {
        return new LinkedHashSet<>(received);
    }
}
