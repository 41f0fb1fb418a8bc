package io.couriermq.store.flush;

import io.couriermq.store.PutStatus;
import java.util.concurrent.CompletableFuture;

/** Makes appended commit-log bytes durable according to one policy. */
public interface FlushService {

    /**
     * Completes when bytes up to {@code endOffset} are as durable as the policy promises: {@code PUT_OK},
     * or {@code FLUSH_DISK_TIMEOUT} if a synchronous policy could not force them in time.
     */
    CompletableFuture<PutStatus> awaitDurable(long endOffset);

    /** Starts the background thread. */
    void start();

    /** Forces what is left and stops. */
    void shutdown();

    FlushStats stats();
}
