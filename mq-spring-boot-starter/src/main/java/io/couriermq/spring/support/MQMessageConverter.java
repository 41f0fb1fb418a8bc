package io.couriermq.spring.support;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Payloads to and from message bodies: {@code byte[]} as is, {@code String} as UTF-8, anything else as
 * JSON through the application's mapper. Reading honours generic targets ({@code List<Order>}) given as a
 * {@link Type} or a listener's {@link MethodParameter}.
 */
public class MQMessageConverter implements SmartMessageConverter {
    private final JsonCodec json;

    public MQMessageConverter(JsonCodec json) {
        this.json = json;
    }

    /** The body for {@code payload}. */
    public byte[] toBody(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.write(payload);
        } catch (RuntimeException e) {
            throw new MessageConversionException(
                    "cannot convert payload of " + payload.getClass().getName() + " to JSON: " + e.getMessage(), e);
        }
    }

    /** {@code body} read as {@code type}. */
    public Object fromBody(byte[] body, Type type) {
        if (type == byte[].class) {
            return body;
        }
        if (type == String.class || type == Object.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try {
            return json.read(body, type);
        } catch (RuntimeException e) {
            throw new MessageConversionException(
                    "cannot read a " + body.length + "-byte body as " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
        return fromMessage(message, targetClass, null);
    }

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
        Object payload = message.getPayload();
        Type type = targetType(targetClass, conversionHint);
        if (payload instanceof byte[] body) {
            return fromBody(body, type);
        }
        if (payload instanceof String text) {
            return fromBody(text.getBytes(StandardCharsets.UTF_8), type);
        }
        return targetClass.isInstance(payload) ? payload : null;
    }

    @Override
    public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
        return toMessage(payload, headers, null);
    }

    @Override
    public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers, @Nullable Object conversionHint) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(toBody(payload));
        if (headers != null) {
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                if (!MessageHeaders.ID.equals(header.getKey()) && !MessageHeaders.TIMESTAMP.equals(header.getKey())) {
                    builder.setHeader(header.getKey(), header.getValue());
                }
            }
        }
        if (headers == null || !headers.containsKey(MessageHeaders.CONTENT_TYPE)) {
            builder.setHeader(
                    MessageHeaders.CONTENT_TYPE, contentTypeOf(payload).toString());
        }
        return builder.build();
    }

    private static MimeType contentTypeOf(Object payload) {
        if (payload instanceof byte[]) {
            return MimeTypeUtils.APPLICATION_OCTET_STREAM;
        }
        return payload instanceof String ? MimeTypeUtils.TEXT_PLAIN : MimeTypeUtils.APPLICATION_JSON;
    }

    /** The generic target: a Type hint as is; a parameter's type (or the T of its {@code Message<T>}). */
    private static Type targetType(Class<?> targetClass, @Nullable Object hint) {
        if (hint instanceof Type type) {
            return type;
        }
        if (hint instanceof MethodParameter parameter) {
            ResolvableType resolved = ResolvableType.forMethodParameter(parameter);
            if (Message.class.isAssignableFrom(resolved.toClass())) {
                resolved = resolved.getGeneric(0);
            }
            return resolved.resolve() == null ? targetClass : ResolvedTypes.of(resolved);
        }
        return targetClass;
    }
}
