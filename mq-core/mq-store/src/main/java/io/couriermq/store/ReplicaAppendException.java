package io.couriermq.store;

/** Replicated bytes that cannot be appended where they claim to belong; nothing was written. */
public final class ReplicaAppendException extends StoreException {
    public ReplicaAppendException(String message) {
        super(message);
    }
}
