package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.support.MQMessageMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.ReflectionUtils;

/**
 * Invokes an annotated method. Single messages go through spring-messaging's argument resolution
 * ({@code @Payload}, {@code @Header}, {@code @Headers}, {@code Message<T>}, and the client's {@code
 * ReceivedMessage}); a method whose one parameter is a {@code List} gets the batch, its elements converted
 * to the list's element type.
 */
final class MethodListenerInvoker implements ListenerInvoker {
    /** Header under which the received message rides along to {@link ReceivedMessageArgumentResolver}. */
    static final String RECEIVED_MESSAGE_HEADER = "courier_internal_RECEIVED_MESSAGE";

    private final Object bean;
    private final Method method;
    private final InvocableHandlerMethod handler;
    private final ResolvableType batchElement;
    private final PayloadResolver payloads;

    MethodListenerInvoker(
            Object bean,
            Class<?> targetClass,
            Method method,
            InvocableHandlerMethod handler,
            PayloadResolver payloads) {
        this.bean = bean;
        this.method = method;
        this.handler = handler;
        this.payloads = payloads;
        this.batchElement = batchElementOf(method, targetClass);
    }

    /**
     * The element type when the method takes exactly one List parameter, else null; resolved against the
     * bean's class, so a method declared in a generic superclass ({@code void on(List<T>)}) gets its T.
     */
    static ResolvableType batchElementOf(Method method, Class<?> targetClass) {
        if (method.getParameterCount() != 1 || !List.class.isAssignableFrom(method.getParameterTypes()[0])) {
            return null;
        }
        return ResolvableType.forMethodParameter(method, 0, targetClass).getGeneric(0);
    }

    @Override
    public boolean batch() {
        return batchElement != null;
    }

    @Override
    public Object invoke(ReceivedMessage message) throws Exception {
        if (batchElement != null) {
            return invokeBatch(List.of(message));
        }
        Message<byte[]> spring = MessageBuilder.fromMessage(MQMessageMapper.toSpringMessage(message))
                .setHeader(RECEIVED_MESSAGE_HEADER, message)
                .build();
        return handler.invoke(spring);
    }

    @Override
    public Object invokeBatch(List<ReceivedMessage> messages) throws Exception {
        List<Object> arguments = new ArrayList<>(messages.size());
        messages.forEach(message -> arguments.add(payloads.resolve(message, batchElement)));
        try {
            ReflectionUtils.makeAccessible(method);
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
