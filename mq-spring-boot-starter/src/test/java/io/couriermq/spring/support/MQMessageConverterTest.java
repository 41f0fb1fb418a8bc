package io.couriermq.spring.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The converter with each JSON codec an application may bring: both must give the same payloads for the
 * same bodies, so that switching {@code courier.preferred-json-mapper} changes nothing a listener sees.
 */
class MQMessageConverterTest {

    record Line(String sku, int quantity, BigDecimal price) {}

    record Order(String id, Instant placedAt, LocalDate due, Duration ttl, BigDecimal total, List<Line> lines) {}

    private static final Order ORDER = new Order(
            "o-1",
            Instant.parse("2024-05-06T07:08:09.123456789Z"),
            LocalDate.of(2024, 12, 31),
            Duration.ofMinutes(90).plusMillis(250),
            new BigDecimal("1234.56"),
            List.of(new Line("sku-1", 2, new BigDecimal("10.25")), new Line("sku-2", 1, new BigDecimal("0.5"))));

    private static final Type LIST_OF_LINES = new ParameterizedTypeReference<List<Line>>() {}.getType();

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of(Named.of(
                        "jackson3",
                        new Jackson3JsonCodec(
                                JsonMapper.builder().findAndAddModules().build()))),
                Arguments.of(Named.of("jackson2", new Jackson2JsonCodec(new ObjectMapper().findAndRegisterModules()))));
    }

    /** Listener signatures whose parameters serve as conversion hints. */
    @SuppressWarnings("unused")
    static class Signatures {
        void onMessage(Message<Order> message) {}

        void onOrders(List<Order> orders) {}
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void bytesPassThroughUnchanged(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);
        byte[] raw = {0, (byte) 0xff, 42, (byte) 0x80};

        assertThat(converter.toBody(raw)).isSameAs(raw);
        assertThat(converter.fromBody(raw, byte[].class)).isSameAs(raw);
        assertThat(converter.fromMessage(MessageBuilder.withPayload(raw).build(), byte[].class))
                .isSameAs(raw);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void stringsAreUtf8(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);
        String text = "Grüße aus Zürich, 東京, ✓";

        byte[] body = converter.toBody(text);
        assertThat(body).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(converter.fromBody(body, String.class)).isEqualTo(text);
        assertThat(converter.fromMessage(MessageBuilder.withPayload(body).build(), String.class))
                .isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aRecordWithTimesDecimalsAndNestedListsRoundTrips(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);

        byte[] body = converter.toBody(ORDER);

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"sku-2\"");
        assertThat(converter.fromBody(body, Order.class)).isEqualTo(ORDER);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aGenericTargetTypeReadsTheElementType(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);
        byte[] body = converter.toBody(ORDER.lines());

        assertThat(converter.fromBody(body, LIST_OF_LINES)).isEqualTo(ORDER.lines());
        Object viaHint = converter.fromMessage(MessageBuilder.withPayload(body).build(), List.class, LIST_OF_LINES);
        assertThat(viaHint).isEqualTo(ORDER.lines());
        assertThat((List<?>) viaHint).first().isInstanceOf(Line.class);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aMethodParameterOfMessageOfTResolvesT(JsonCodec codec) throws NoSuchMethodException {
        MQMessageConverter converter = new MQMessageConverter(codec);
        MethodParameter parameter =
                new MethodParameter(Signatures.class.getDeclaredMethod("onMessage", Message.class), 0);
        Message<byte[]> message =
                MessageBuilder.withPayload(converter.toBody(ORDER)).build();

        assertThat(converter.fromMessage(message, Order.class, parameter)).isEqualTo(ORDER);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aMethodParameterOfListOfTResolvesTheElementType(JsonCodec codec) throws NoSuchMethodException {
        MQMessageConverter converter = new MQMessageConverter(codec);
        MethodParameter parameter = new MethodParameter(Signatures.class.getDeclaredMethod("onOrders", List.class), 0);
        Order other = new Order("o-2", ORDER.placedAt(), ORDER.due(), Duration.ZERO, BigDecimal.ONE, List.of());
        Message<byte[]> message = MessageBuilder.withPayload(converter.toBody(List.of(ORDER, other)))
                .build();

        Object orders = converter.fromMessage(message, List.class, parameter);

        assertThat(orders).isEqualTo(List.of(ORDER, other));
        assertThat((List<?>) orders).allMatch(Order.class::isInstance);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void malformedJsonFailsNamingTheTargetType(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);
        Message<byte[]> message = MessageBuilder.withPayload(
                        "{\"id\": \"o-1\", \"lines\": [".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThatThrownBy(() -> converter.fromMessage(message, Order.class))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageContaining(Order.class.getTypeName());
        assertThatThrownBy(() -> converter.fromBody("not json".getBytes(StandardCharsets.UTF_8), LIST_OF_LINES))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageContaining(LIST_OF_LINES.getTypeName());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void toMessageSetsTheContentTypeOfThePayload(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);

        Message<?> text = converter.toMessage("héllo", null);
        assertThat(text.getHeaders().get(MessageHeaders.CONTENT_TYPE)).hasToString("text/plain");
        assertThat((byte[]) text.getPayload()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));

        Message<?> json = converter.toMessage(ORDER, null);
        assertThat(json.getHeaders().get(MessageHeaders.CONTENT_TYPE)).hasToString("application/json");
        assertThat(converter.fromMessage(json, Order.class)).isEqualTo(ORDER);

        Message<?> bytes = converter.toMessage(new byte[] {1, 2, 3}, null);
        assertThat(bytes.getHeaders().get(MessageHeaders.CONTENT_TYPE)).hasToString("application/octet-stream");
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void toMessageKeepsTheCallersHeadersAndContentType(JsonCodec codec) {
        MQMessageConverter converter = new MQMessageConverter(codec);
        MessageHeaders headers =
                new MessageHeaders(Map.of("origin", "test", MessageHeaders.CONTENT_TYPE, "application/x-csv"));

        Message<?> message = converter.toMessage("a,b", headers);

        assertThat(message.getHeaders())
                .containsEntry("origin", "test")
                .containsEntry(MessageHeaders.CONTENT_TYPE, "application/x-csv");
        assertThat(message.getHeaders().getId()).isNotEqualTo(headers.getId());
    }
}
