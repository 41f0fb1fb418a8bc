package io.couriermq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import org.junit.jupiter.api.Test;

/** Typed header access names the field and the command when a value is missing or malformed. */
class HeaderFieldsTest {
    private final HeaderFields fields = new HeaderFields(RemotingCommand.request(RequestCode.PULL_MESSAGE)
            .extField("queueId", " 3 ")
            .extField("queueOffset", "9223372036854775807")
            .extField("unitMode", "TRUE")
            .extField("maxMsgNums", "thirty-two")
            .extField("batch", "yes")
            .build());

    @Test
    void parsesTypedValues() {
        assertThat(fields.requireInt("queueId")).isEqualTo(3);
        assertThat(fields.requireLong("queueOffset")).isEqualTo(Long.MAX_VALUE);
        assertThat(fields.requireBoolean("unitMode")).isTrue();
    }

    @Test
    void absentOptionalValuesAreNullOrTheFallback() {
        assertThat(fields.optionalString("subscription")).isNull();
        assertThat(fields.optionalInt("sysFlag")).isNull();
        assertThat(fields.longOr("commitOffset", -1L)).isEqualTo(-1L);
        assertThat(fields.booleanOr("compressed", true)).isTrue();
    }

    @Test
    void missingRequiredFieldNamesFieldAndCommand() {
        assertThatThrownBy(() -> fields.requireString("consumerGroup"))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'consumerGroup'")
                .hasMessageContaining("PULL_MESSAGE(11)");
    }

    @Test
    void malformedNumberNamesFieldAndValue() {
        assertThatThrownBy(() -> fields.requireInt("maxMsgNums"))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'maxMsgNums'")
                .hasMessageContaining("'thirty-two'");
    }

    @Test
    void malformedBooleanIsRejectedRatherThanReadAsFalse() {
        assertThatThrownBy(() -> fields.optionalBoolean("batch"))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'batch'");
    }
}
