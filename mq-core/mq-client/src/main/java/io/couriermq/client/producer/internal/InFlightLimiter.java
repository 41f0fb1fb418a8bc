package io.couriermq.client.producer.internal;

import io.couriermq.client.ClientException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the async sends waiting for an answer. A caller that finds no free slot waits (back-pressure
 * on the caller's thread) up to the send timeout, then gets a retriable failure, instead of the sends
 * piling up in an unbounded queue.
 */
public final class InFlightLimiter {
    private final int limit;
    private final Semaphore slots;

    public InFlightLimiter(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    public void acquire(long timeoutMs) {
        try {
            if (!slots.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new ClientException(
                        "no free send slot within " + timeoutMs + " ms: " + limit + " async sends are in flight",
                        -1,
                        true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted waiting for a free send slot", -1, false, e);
        }
    }

    public void release() {
        slots.release();
    }

    public int inFlight() {
        return limit - slots.availablePermits();
    }
}
