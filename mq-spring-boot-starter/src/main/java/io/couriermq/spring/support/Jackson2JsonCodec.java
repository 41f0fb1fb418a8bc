package io.couriermq.spring.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.springframework.beans.factory.ListableBeanFactory;

/** JSON through the application's Jackson 2 {@link ObjectMapper} ({@code courier.preferred-json-mapper=jackson2}). */
public final class Jackson2JsonCodec implements JsonCodec {
    private final ObjectMapper mapper;

    public Jackson2JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The context's {@code ObjectMapper}, or one with the modules found on the classpath. */
    public static Jackson2JsonCodec from(ListableBeanFactory beans) {
        return new Jackson2JsonCodec(beans.getBeanProvider(ObjectMapper.class)
                .getIfAvailable(() -> new ObjectMapper().findAndRegisterModules()));
    }

    @Override
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    @Override
    public Object read(byte[] json, Type type) {
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON as " + type.getTypeName(), e);
        }
    }
}
