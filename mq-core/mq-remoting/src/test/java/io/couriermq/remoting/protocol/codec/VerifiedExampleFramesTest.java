package io.couriermq.remoting.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.testing.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The frames that remoting-protocol.md §1.2 / §1.4 records from the official 5.2.0 client
 * (GET_ROUTEINFO_BY_TOPIC, opaque 7): we decode them and produce them byte for byte.
 */
class VerifiedExampleFramesTest {
    private static final String JSON_HEADER = "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,"
            + "\"language\":\"JAVA\",\"opaque\":7,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}";

    private static final byte[] JSON_FRAME =
            Bytes.concat(Bytes.hex("00000087 00000083"), JSON_HEADER.getBytes(StandardCharsets.UTF_8));

    private static final byte[] ROCKETMQ_FRAME = Bytes.hex("0000002d 01000029"
            + " 0069 00 01c5 00000007 00000000 00000000"
            + " 00000014 0005 \"topic\" 00000009 \"TopicTest\"");

    @Test
    void exampleFramesHaveTheDocumentedSizes() {
        assertThat(JSON_HEADER.getBytes(StandardCharsets.UTF_8)).hasSize(0x83);
        assertThat(JSON_FRAME).hasSize(4 + 0x87);
        assertThat(ROCKETMQ_FRAME).hasSize(49);
    }

    @Test
    void decodesTheJsonExample() {
        assertIsGetRouteInfoOfTopicTest(Bytes.decode(JSON_FRAME), SerializeType.JSON);
    }

    @Test
    void decodesTheRocketmqExample() {
        assertIsGetRouteInfoOfTopicTest(Bytes.decode(ROCKETMQ_FRAME), SerializeType.ROCKETMQ);
    }

    @Test
    void encodesGetRouteInfoInRocketmqTypeToExactlyTheExampleBytes() {
        assertThat(Bytes.encode(getRouteInfoOfTopicTest(SerializeType.ROCKETMQ)))
                .isEqualTo(ROCKETMQ_FRAME);
    }

    @Test
    void encodesGetRouteInfoInJsonTypeToExactlyTheExampleBytes() {
        assertThat(new String(
                        Bytes.encode(getRouteInfoOfTopicTest(SerializeType.JSON)), 8, 0x83, StandardCharsets.UTF_8))
                .isEqualTo(JSON_HEADER);
        assertThat(Bytes.encode(getRouteInfoOfTopicTest(SerializeType.JSON))).isEqualTo(JSON_FRAME);
    }

    private static RemotingCommand getRouteInfoOfTopicTest(SerializeType type) {
        Map<String, String> extFields = new HashMap<>();
        extFields.put("topic", "TopicTest");
        return RemotingCommand.decoded(105, 7, 0)
                .extFields(extFields)
                .serializeType(type)
                .build();
    }

    private static void assertIsGetRouteInfoOfTopicTest(RemotingCommand command, SerializeType type) {
        assertThat(command.code()).isEqualTo(105);
        assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(command.version()).isEqualTo(453);
        assertThat(command.opaque()).isEqualTo(7);
        assertThat(command.flag()).isZero();
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).containsExactly(Map.entry("topic", "TopicTest"));
        assertThat(command.hasBody()).isFalse();
        assertThat(command.serializeType()).isEqualTo(type);
    }
}
