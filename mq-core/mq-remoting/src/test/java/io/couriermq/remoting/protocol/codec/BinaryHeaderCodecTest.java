package io.couriermq.remoting.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.testing.Bytes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quirks and limits of the ROCKETMQ binary header (remoting-protocol.md §1.4). */
class BinaryHeaderCodecTest {

    @Test
    void codeAbove32767CannotBeEncodedAndSaysToUseJson() {
        RemotingCommand pop = RemotingCommand.decoded(200050, 1, 0)
                .serializeType(SerializeType.ROCKETMQ)
                .build();

        assertThatThrownBy(() -> Bytes.encode(pop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200050")
                .hasMessageContaining("JSON");
    }

    @Test
    void codeAbove32767IsFineInJson() {
        RemotingCommand pop = RemotingCommand.decoded(200050, 1, 0).build();

        assertThat(Bytes.decode(Bytes.encode(pop)).code()).isEqualTo(200050);
    }

    @Test
    void largestShortCodeStillEncodes() {
        RemotingCommand command = RemotingCommand.decoded(Short.MAX_VALUE, 1, 0)
                .serializeType(SerializeType.ROCKETMQ)
                .build();

        assertThat(Bytes.decode(Bytes.encode(command)).code()).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void zeroLengthKeyOrValueDecodesAsAbsent() {
        byte[] header = Bytes.hex("0022 00 01c5 00000001 00000000 00000000"
                + " 00000016 0001 \"k\" 00000000 0000 00000001 \"v\" 0001 \"x\" 00000001 \"y\"");

        RemotingCommand command = Bytes.decode(Bytes.frame(1, header, new byte[0]));

        assertThat(command.extFields()).containsExactly(Map.entry("x", "y"));
    }

    @Test
    void emptyRemarkIsSentAsAbsent() {
        RemotingCommand command = RemotingCommand.decoded(34, 1, 0)
                .remark("")
                .serializeType(SerializeType.ROCKETMQ)
                .build();

        assertThat(Bytes.decode(Bytes.encode(command)).remark()).isNull();
    }

    @Test
    void unknownLanguageByteMeansOther() {
        byte[] header = Bytes.hex("0022 7f 01c5 00000001 00000000 00000000 00000000");

        assertThat(Bytes.decode(Bytes.frame(1, header, new byte[0])).language()).isEqualTo(LanguageCode.OTHER);
    }

    @Test
    void bodyFollowsTheHeader() {
        byte[] header = Bytes.hex("0136 00 01c5 00000008 00000000 00000000 00000000");

        RemotingCommand command = Bytes.decode(Bytes.frame(1, header, Bytes.hex("\"Hello\"")));

        assertThat(command.code()).isEqualTo(310);
        assertThat(command.body()).isEqualTo(Bytes.hex("\"Hello\""));
    }
}
