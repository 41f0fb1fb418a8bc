package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/** Gives a listener method parameter of type {@link ReceivedMessage} the client's message as received. */
final class ReceivedMessageArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReceivedMessage.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return message.getHeaders().get(MethodListenerInvoker.RECEIVED_MESSAGE_HEADER);
    }
}
