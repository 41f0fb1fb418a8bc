package io.couriermq.spring.core;

/**
 * A bean that answers requests ({@link MQTemplate#sendAndReceive}): what it returns is converted and sent
 * back to the requester. A message that is not a request is consumed and the answer dropped.
 *
 * @param <T> the request payload type
 * @param <R> the reply type
 */
@FunctionalInterface
public interface MQReplyListener<T, R> {
    R onMessage(T message);
}
