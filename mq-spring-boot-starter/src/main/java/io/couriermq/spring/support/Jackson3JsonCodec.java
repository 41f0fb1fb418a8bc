package io.couriermq.spring.support;

import java.lang.reflect.Type;
import org.springframework.beans.factory.ListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** JSON through the application's Jackson 3 {@link JsonMapper} (its modules, dates and naming apply). */
public final class Jackson3JsonCodec implements JsonCodec {
    private final JsonMapper mapper;

    public Jackson3JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The context's {@code JsonMapper}, or one with the modules found on the classpath. */
    public static Jackson3JsonCodec from(ListableBeanFactory beans) {
        return new Jackson3JsonCodec(beans.getBeanProvider(JsonMapper.class)
                .getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build()));
    }

    @Override
    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    @Override
    public Object read(byte[] json, Type type) {
        return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
    }
}
