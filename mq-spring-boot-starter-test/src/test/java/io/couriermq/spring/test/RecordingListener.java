package io.couriermq.spring.test;

import io.couriermq.spring.core.MQListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener that keeps what it receives, for tests to assert on. Subclasses only add the
 * {@code @MQMessageListener}; the payload type comes from the type argument, which the starter reads
 * through this generic superclass.
 */
public abstract class RecordingListener<T> implements MQListener<T> {
    public final List<T> received = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(T message) {
        received.add(message);
    }
}
