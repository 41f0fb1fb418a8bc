package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQReplyListener;
import io.couriermq.spring.support.MQMessageConverter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.ResolvableType;

/** Invokes an {@link MQListener} or {@link MQReplyListener} bean, its payload type read from its generics. */
final class BeanListenerInvoker implements ListenerInvoker {
    private final Object bean;
    private final ResolvableType payloadType;
    private final boolean batch;
    private final PayloadResolver payloads;

    BeanListenerInvoker(Object bean, Class<?> targetClass, MQMessageConverter converter) {
        this.bean = bean;
        ResolvableType declared = bean instanceof MQReplyListener<?, ?>
                ? ResolvableType.forClass(targetClass).as(MQReplyListener.class).getGeneric(0)
                : ResolvableType.forClass(targetClass).as(MQListener.class).getGeneric(0);
        this.batch = List.class.isAssignableFrom(declared.toClass());
        this.payloadType = batch ? declared.getGeneric(0) : declared;
        this.payloads = new PayloadResolver(converter);
    }

    @Override
    public boolean batch() {
        return batch;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invoke(ReceivedMessage message) {
        Object payload = payloads.resolve(message, payloadType);
        if (batch) {
            payload = List.of(payload);
        }
        if (bean instanceof MQReplyListener reply) {
            return reply.onMessage(payload);
        }
        ((MQListener) bean).onMessage(payload);
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invokeBatch(List<ReceivedMessage> messages) {
        List<Object> payload = new ArrayList<>(messages.size());
        messages.forEach(message -> payload.add(payloads.resolve(message, payloadType)));
        if (bean instanceof MQReplyListener reply) {
            return reply.onMessage(payload);
        }
        ((MQListener) bean).onMessage(payload);
        return null;
    }
}
