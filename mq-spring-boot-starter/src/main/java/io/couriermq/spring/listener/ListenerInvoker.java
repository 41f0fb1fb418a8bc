package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import java.util.List;

/** Calls one application listener (a bean's onMessage or an annotated method) with converted arguments. */
public interface ListenerInvoker {

    /** Whether the listener takes a list (a batch) rather than one message. */
    boolean batch();

    /**
     * Calls the listener for one message; returns what it returned ({@code Boolean.FALSE} asks for a retry,
     * anything else answers a request), or null for void.
     */
    Object invoke(ReceivedMessage message) throws Exception;

    /** Calls a batch listener for {@code messages}; only when {@link #batch()}. */
    Object invokeBatch(List<ReceivedMessage> messages) throws Exception;
}
