package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import java.util.concurrent.Callable;

/** Wraps each listener call for tracing (continuing the trace the sender put in the message's properties). */
public interface ReceiveObservation {
    ReceiveObservation NONE = new ReceiveObservation() {
        @Override
        public Object observe(String group, ReceivedMessage message, Callable<Object> call) throws Exception {
            return call.call();
        }
    };

    Object observe(String group, ReceivedMessage message, Callable<Object> call) throws Exception;
}
