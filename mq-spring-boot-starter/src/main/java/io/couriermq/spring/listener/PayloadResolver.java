package io.couriermq.spring.listener;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.support.MQMessageConverter;
import io.couriermq.spring.support.MQMessageMapper;
import io.couriermq.spring.support.ResolvedTypes;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Turns a received message into what a listener declared: the raw message, a Spring message, or a payload. */
final class PayloadResolver {
    private final MQMessageConverter converter;

    PayloadResolver(MQMessageConverter converter) {
        this.converter = converter;
    }

    Object resolve(ReceivedMessage message, ResolvableType declared) {
        Class<?> raw = declared.toClass();
        if (raw == ReceivedMessage.class) {
            return message;
        }
        if (Message.class.isAssignableFrom(raw)) {
            Message<byte[]> spring = MQMessageMapper.toSpringMessage(message);
            ResolvableType payloadType = declared.getGeneric(0);
            if (payloadType.resolve() == null
                    || payloadType.toClass() == byte[].class
                    || payloadType.toClass() == Object.class) {
                return spring;
            }
            return MessageBuilder.createMessage(
                    converter.fromBody(message.body(), ResolvedTypes.of(payloadType)), spring.getHeaders());
        }
        return converter.fromBody(
                message.body(), declared.resolve() == null ? String.class : ResolvedTypes.of(declared));
    }
}
