package io.couriermq.store;

/**
 * Told about every consume-queue entry as it is dispatched (the long-polling hook). Called on the
 * dispatcher thread: keep it short and non-blocking; an exception is logged and dispatch goes on.
 */
@FunctionalInterface
public interface DispatchListener {
    void onDispatch(DispatchedEntry entry);
}
