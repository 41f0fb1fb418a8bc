package io.couriermq.remoting.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of a command survives encode + decode, in both header types and both buffer kinds. */
class FrameRoundTripTest {

    enum Buffers {
        UNPOOLED_HEAP(new UnpooledByteBufAllocator(false), false),
        POOLED_DIRECT(PooledByteBufAllocator.DEFAULT, true);

        final ByteBufAllocator allocator;
        final boolean direct;

        Buffers(ByteBufAllocator allocator, boolean direct) {
            this.allocator = allocator;
            this.direct = direct;
        }

        ByteBuf allocate() {
            return direct ? allocator.directBuffer() : allocator.heapBuffer();
        }
    }

    static Stream<Arguments> typesAndBuffers() {
        return Stream.of(SerializeType.values())
                .flatMap(type -> Stream.of(Buffers.values()).map(buffers -> Arguments.of(type, buffers)));
    }

    private static final Map<String, String> EXT_FIELDS = extFields();

    private static Map<String, String> extFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "producer-group");
        fields.put("b", "TopicTest");
        fields.put("g", "1700000000000");
        // message properties travel with the \u0001 / \u0002 separators of the official client
        fields.put("i", "TAGS\u0001TagA\u0002KEYS\u0001k1 k2\u0002UNIQ_KEY\u00017F0000010001\u0002");
        fields.put("unicode", "Grüße, 主题, emoji \uD83D\uDE80");
        fields.put("json-special", "quote \" backslash \\ newline \n tab \t nul \u0000 del \u007f");
        fields.put("ключ", "значение");
        return fields;
    }

    private static byte[] allByteValues() {
        byte[] body = new byte[512];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        return body;
    }

    @ParameterizedTest(name = "{0} header in {1} buffer")
    @MethodSource("typesAndBuffers")
    void requestKeepsEveryField(SerializeType type, Buffers buffers) {
        RemotingCommand request = RemotingCommand.decoded(310, 0x7FFF_FFF0, 0)
                .language(LanguageCode.GO)
                .version(409)
                .remark("remarque \u2713 \u0001 with control char")
                .extFields(EXT_FIELDS)
                .body(allByteValues())
                .serializeType(type)
                .build();

        RemotingCommand decoded = roundTrip(request, buffers);

        assertThat(decoded.code()).isEqualTo(310);
        assertThat(decoded.language()).isEqualTo(LanguageCode.GO);
        assertThat(decoded.version()).isEqualTo(409);
        assertThat(decoded.opaque()).isEqualTo(0x7FFF_FFF0);
        assertThat(decoded.flag()).isZero();
        assertThat(decoded.isResponse()).isFalse();
        assertThat(decoded.isOneway()).isFalse();
        assertThat(decoded.remark()).isEqualTo("remarque \u2713 \u0001 with control char");
        assertThat(decoded.extFields()).isEqualTo(EXT_FIELDS);
        assertThat(decoded.body()).isEqualTo(allByteValues());
        assertThat(decoded.serializeType()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} header in {1} buffer")
    @MethodSource("typesAndBuffers")
    void responseKeepsEveryField(SerializeType type, Buffers buffers) {
        RemotingCommand request =
                RemotingCommand.decoded(105, -42, 0).serializeType(type).build();
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST)
                .remark("No topic route info in name server for the topic: TopicTest")
                .extField("queueOffset", "9223372036854775807")
                .body("{\"brokerDatas\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();

        RemotingCommand decoded = roundTrip(response, buffers);

        assertThat(decoded.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(decoded.isResponse()).isTrue();
        assertThat(decoded.flag()).isEqualTo(1);
        assertThat(decoded.opaque()).isEqualTo(-42);
        assertThat(decoded.version()).isEqualTo(RemotingCommand.PROTOCOL_VERSION);
        assertThat(decoded.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(decoded.remark()).isEqualTo("No topic route info in name server for the topic: TopicTest");
        assertThat(decoded.extFields()).containsExactly(Map.entry("queueOffset", "9223372036854775807"));
        assertThat(new String(decoded.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"brokerDatas\":[]}");
        assertThat(decoded.serializeType()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} header in {1} buffer")
    @MethodSource("typesAndBuffers")
    void onewayFlagSurvives(SerializeType type, Buffers buffers) {
        RemotingCommand oneway =
                RemotingCommand.decoded(15, 5, 0).oneway().serializeType(type).build();

        RemotingCommand decoded = roundTrip(oneway, buffers);

        assertThat(decoded.flag()).isEqualTo(2);
        assertThat(decoded.isOneway()).isTrue();
        assertThat(decoded.isResponse()).isFalse();
    }

    @ParameterizedTest(name = "{0} header in {1} buffer")
    @MethodSource("typesAndBuffers")
    void commandWithoutRemarkExtFieldsOrBodyStaysEmpty(SerializeType type, Buffers buffers) {
        RemotingCommand bare =
                RemotingCommand.decoded(106, 11, 0).serializeType(type).build();

        RemotingCommand decoded = roundTrip(bare, buffers);

        assertThat(decoded.remark()).isNull();
        assertThat(decoded.extFields()).isEmpty();
        assertThat(decoded.hasBody()).isFalse();
        assertThat(decoded.body()).isEmpty();
    }

    private static RemotingCommand roundTrip(RemotingCommand command, Buffers buffers) {
        ByteBuf buffer = buffers.allocate();
        try {
            RemotingFrames.encode(command, buffer);
            int length = buffer.readInt();
            assertThat(length).as("length field").isEqualTo(buffer.readableBytes());
            assertThat(buffer.getByte(buffer.readerIndex()))
                    .as("serialize type byte")
                    .isEqualTo(command.serializeType().code());
            RemotingCommand decoded = RemotingFrames.decode(buffer);
            assertThat(buffer.isReadable()).as("frame fully consumed").isFalse();
            return decoded;
        } finally {
            buffer.release();
        }
    }
}
