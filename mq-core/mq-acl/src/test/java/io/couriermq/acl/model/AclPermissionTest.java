package io.couriermq.acl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AclPermissionTest {

    /** RocketMQ 5.2.0's Permission.checkPermission, every owned value against every needed one. */
    @ParameterizedTest(name = "owned {0}, needed {1} -> {2}")
    @CsvSource({
        "DENY,    PUB, false",
        "DENY,    SUB, false",
        "DENY,    ANY, false",
        "PUB,     PUB, true",
        "PUB,     SUB, false",
        "PUB,     ANY, true",
        "SUB,     PUB, false",
        "SUB,     SUB, true",
        "SUB,     ANY, true",
        "PUB|SUB, PUB, true",
        "PUB|SUB, SUB, true",
        "PUB|SUB, ANY, true",
        "SUB|PUB, PUB, true",
    })
    void decisionTable(String owned, String needed, boolean granted) {
        byte neededBits =
                switch (needed) {
                    case "ANY" -> AclPermission.ANY;
                    default -> AclPermission.parse(needed);
                };
        assertThat(AclPermission.grants(AclPermission.parse(owned), neededBits)).isEqualTo(granted);
    }

    @ParameterizedTest
    @CsvSource({"DENY, 1", "PUB, 4", "SUB, 8", "PUB|SUB, 12", "SUB|PUB, 12", "' PUB ', 4"})
    void bitsAreRocketMqs(String text, int bits) {
        assertThat(AclPermission.parse(text)).isEqualTo((byte) bits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void absentMeansDeny(String text) {
        assertThat(AclPermission.parse(text)).isEqualTo(AclPermission.DENY);
        assertThat(AclPermission.parse(null)).isEqualTo(AclPermission.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pub", "PUBSUB", "ANY", "PUB|DENY", "READ"})
    void unknownStringsAreRefusedNotReadAsDeny(String text) {
        assertThatThrownBy(() -> AclPermission.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown permission '" + text + "'");
    }
}
