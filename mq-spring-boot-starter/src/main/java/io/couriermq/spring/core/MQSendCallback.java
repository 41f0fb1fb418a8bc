package io.couriermq.spring.core;

import io.couriermq.client.producer.SendResult;

/** Callback of {@link MQTemplate#asyncSend(String, Object, MQSendCallback)}; runs off the client's I/O threads. */
public interface MQSendCallback {
    void onSuccess(SendResult result);

    void onException(Throwable failure);
}
