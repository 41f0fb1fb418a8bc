package io.couriermq.spring.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.spring.core.MQListener;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;

/** Type arguments inherited through generic superclasses come out as the types they stand for. */
class ResolvedTypesTest {

    abstract static class Recording<T> implements MQListener<T> {
        @Override
        public void onMessage(T message) {}
    }

    static class Strings extends Recording<String> {}

    static class Lists extends Recording<List<Map<String, Long>>> {}

    record Line(String sku) {}

    @Test
    void aTypeArgumentFromAGenericSuperclassIsResolved() {
        ResolvableType declared =
                ResolvableType.forClass(Strings.class).as(MQListener.class).getGeneric(0);

        assertThat(declared.getType()).as("what getType() alone gives").isNotEqualTo(String.class);
        assertThat(ResolvedTypes.of(declared)).isEqualTo(String.class);
    }

    @Test
    void nestedGenericsAreResolvedAllTheWayDown() {
        Type type = ResolvedTypes.of(
                ResolvableType.forClass(Lists.class).as(MQListener.class).getGeneric(0));

        assertThat(type).isInstanceOf(ParameterizedType.class);
        assertThat(type.getTypeName()).isEqualTo("java.util.List<java.util.Map<java.lang.String, java.lang.Long>>");
    }

    @Test
    void theConverterReadsThroughAnInheritedTypeArgument() {
        MQMessageConverter converter = new MQMessageConverter(new Jackson3JsonCodec(
                tools.jackson.databind.json.JsonMapper.builder().build()));
        abstract class Base<T> implements MQListener<T> {}
        class Lines extends Base<List<Line>> {
            @Override
            public void onMessage(List<Line> message) {}
        }
        Type type = ResolvedTypes.of(
                ResolvableType.forClass(Lines.class).as(MQListener.class).getGeneric(0));

        Object read = converter.fromBody("[{\"sku\":\"a\"},{\"sku\":\"b\"}]".getBytes(), type);

        assertThat(read).isEqualTo(List.of(new Line("a"), new Line("b")));
    }
}
