package io.couriermq.remoting.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.testing.Bytes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON headers as fastjson senders write them are accepted the way the official decoder accepts them. */
class JsonHeaderLeniencyTest {

    @Test
    void numbersAndBooleansInsideExtFieldsBecomeStrings() {
        RemotingCommand command =
                decode("{\"code\":11,\"extFields\":{\"queueId\":0,\"queueOffset\":9007199254740993,\"ratio\":1.5,"
                        + "\"unitMode\":false,\"batch\":true,\"topic\":\"T\"},\"opaque\":1}");

        assertThat(command.extFields())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "queueId", "0",
                        "queueOffset", "9007199254740993",
                        "ratio", "1.5",
                        "unitMode", "false",
                        "batch", "true",
                        "topic", "T"));
    }

    @Test
    void nullValuesInsideExtFieldsAreLeftOut() {
        RemotingCommand command = decode("{\"code\":11,\"extFields\":{\"a\":null,\"b\":\"x\"},\"opaque\":1}");

        assertThat(command.extFields()).containsExactly(Map.entry("b", "x"));
    }

    @Test
    void missingLanguageMeansJava() {
        assertThat(decode("{\"code\":0,\"flag\":1,\"opaque\":5}").language()).isEqualTo(LanguageCode.JAVA);
    }

    @Test
    void unknownLanguageNameMeansOther() {
        assertThat(decode("{\"code\":0,\"language\":\"KOTLIN\",\"opaque\":5}").language())
                .isEqualTo(LanguageCode.OTHER);
    }

    @Test
    void minimalResponseHeaderIsAccepted() {
        RemotingCommand command = decode("{\"code\":0,\"flag\":1,\"opaque\":5}");

        assertThat(command.isResponse()).isTrue();
        assertThat(command.opaque()).isEqualTo(5);
        assertThat(command.version()).isZero();
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).isEmpty();
    }

    @Test
    void unknownKeysAreIgnoredWhateverTheirShape() {
        RemotingCommand command = decode("{\"a\":{\"nested\":[1,{\"code\":99}]},\"code\":34,\"processTimer\":12,"
                + "\"onewayRPC\":false,\"list\":[\"x\",null],\"opaque\":3,\"zz\":null}");

        assertThat(command.code()).isEqualTo(34);
        assertThat(command.opaque()).isEqualTo(3);
        assertThat(command.extFields()).isEmpty();
    }

    @Test
    void theFrameTypeByteDecidesTheSerializeTypeNotTheInformationalKey() {
        RemotingCommand command = decode("{\"code\":34,\"opaque\":3,\"serializeTypeCurrentRPC\":\"ROCKETMQ\"}");

        assertThat(command.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void emptyAndAbsentExtFieldsAreAlike() {
        RemotingCommand empty = decode("{\"code\":34,\"extFields\":{},\"flag\":0,\"opaque\":10,\"version\":453}");
        RemotingCommand absent = decode("{\"code\":34,\"flag\":0,\"opaque\":10,\"version\":453}");
        RemotingCommand explicitNull = decode("{\"code\":34,\"extFields\":null,\"opaque\":10}");

        assertThat(empty.extFields()).isEmpty();
        assertThat(absent.extFields()).isEmpty();
        assertThat(explicitNull.extFields()).isEmpty();
    }

    @Test
    void escapedControlCharactersAreDecoded() {
        RemotingCommand command = decode(
                "{\"code\":310,\"extFields\":{\"i\":\"TAGS\\u0001TagA\\u0002KEYS\\u0001k1\\u0002\"},\"opaque\":8}");

        assertThat(command.extField("i")).isEqualTo("TAGS\u0001TagA\u0002KEYS\u0001k1\u0002");
    }

    @Test
    void numericHeaderFieldsWrittenAsStringsAreAccepted() {
        RemotingCommand command = decode("{\"code\":\"105\",\"opaque\":\"7\",\"flag\":\"0\",\"version\":\"453\"}");

        assertThat(command.code()).isEqualTo(105);
        assertThat(command.opaque()).isEqualTo(7);
        assertThat(command.version()).isEqualTo(453);
    }

    @Test
    void headerWithoutCodeIsRejected() {
        assertThatThrownBy(() -> decode("{\"opaque\":7}"))
                .isInstanceOf(RemotingDecodingException.class)
                .hasMessageContaining("no 'code'");
    }

    @Test
    void extFieldsThatAreNotAnObjectAreRejected() {
        assertThatThrownBy(() -> decode("{\"code\":1,\"extFields\":[\"a\"]}"))
                .isInstanceOf(RemotingDecodingException.class)
                .hasMessageContaining("'extFields' is not an object");
    }

    @Test
    void trailingContentAfterTheHeaderObjectIsRejected() {
        assertThatThrownBy(() -> decode("{\"code\":1} {\"code\":2}"))
                .isInstanceOf(RemotingDecodingException.class)
                .hasMessageContaining("trailing content");
    }

    private static RemotingCommand decode(String header) {
        return Bytes.decode(Bytes.jsonFrame(header));
    }
}
