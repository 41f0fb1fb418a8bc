package io.couriermq.client.consumer.internal;

import io.couriermq.client.message.ReceivedMessage;
import java.util.List;

/** Runs the application's listener over pulled messages and commits what it consumed. */
public interface ConsumeService {

    /** Hands over messages just added to {@code processQueue}. Never blocks. */
    void submit(ProcessQueue processQueue, List<ReceivedMessage> messages);

    /** True when enough work is waiting that no queue should be pulled now. */
    boolean isBacklogged();

    /** Accepts nothing new and waits up to {@code awaitMs} for listener calls in progress. */
    void shutdown(long awaitMs);
}
