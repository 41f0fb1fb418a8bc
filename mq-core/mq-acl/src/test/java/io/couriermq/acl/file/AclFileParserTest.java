package io.couriermq.acl.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.AclPermission;
import io.couriermq.acl.model.FileVersion;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AclFileParserTest {
    private static final Path FILE = Path.of("/conf/plain_acl.yml");

    /** RocketMQ 5.2.0's distributed sample, abridged. */
    static final String SAMPLE = """
            globalWhiteRemoteAddresses:
              - 10.10.103.*
              - 192.168.0.*

            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                whiteRemoteAddress:
                admin: false
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - topicA=DENY
                  - topicB=PUB|SUB
                  - topicC=SUB
                groupPerms:
                  # the group should convert to retry topic
                  - groupA=DENY
                  - groupB=PUB|SUB
                  - groupC=SUB

              - accessKey: rocketmq2
                secretKey: 12345678
                whiteRemoteAddress: 192.168.1.*
                # if it is admin, it could access all resources
                admin: true
            dataVersion:
              - counter: 3
                timestamp: 1700000000000
            """;

    @Test
    void readsTheSampleFile() {
        AclFile file = AclFileParser.parse(FILE, SAMPLE);

        assertThat(file.globalWhiteRemoteAddresses()).containsExactly("10.10.103.*", "192.168.0.*");
        assertThat(file.accounts()).extracting(AccountConfig::accessKey).containsExactly("RocketMQ", "rocketmq2");
        AccountConfig first = file.accounts().get(0);
        assertThat(first.secretKey()).isEqualTo("12345678");
        assertThat(first.whiteRemoteAddress()).isNull();
        assertThat(first.topicPerms()).containsExactly("topicA=DENY", "topicB=PUB|SUB", "topicC=SUB");
        assertThat(first.compile().resourcePerms())
                .containsEntry("topicB", (byte) (AclPermission.PUB | AclPermission.SUB))
                .containsEntry("%RETRY%groupA", AclPermission.DENY)
                .containsEntry("%RETRY%groupC", AclPermission.SUB);
        assertThat(file.accounts().get(1).admin()).isTrue();
        assertThat(file.dataVersion()).isEqualTo(new FileVersion(3, 1_700_000_000_000L));
    }

    @Test
    void anEmptyFileHasNoAccounts() {
        assertThat(AclFileParser.parse(FILE, "").accounts()).isEmpty();
        assertThat(AclFileParser.parse(FILE, "# nothing yet\n").accounts()).isEmpty();
        assertThat(AclFileParser.parse(FILE, "accounts:\n").accounts()).isEmpty();
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() {
        AclFile file = AclFileParser.parse(FILE, SAMPLE);
        assertThat(AclFileParser.parse(FILE, AclFileWriter.render(file))).isEqualTo(file);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(
                        "accounts:\n  - accessKey: short\n    secretKey: 12345678\n",
                        2,
                        "accessKey must be longer than 6"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 123\n",
                        3,
                        "secretKey must be longer than 6"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    defaultTopicPerm: READ\n",
                        4,
                        "defaultTopicPerm: unknown permission 'READ'"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    topicPerms:\n      - a=PUB\n"
                                + "      - b=PUBLISH\n",
                        6,
                        "unknown permission 'PUBLISH'"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    groupPerms:\n      - justAName\n",
                        5,
                        "is not name=PERM"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n  - accessKey: RocketMQ\n"
                                + "    secretKey: 87654321\n",
                        4,
                        "duplicate accessKey 'RocketMQ'"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    whiteRemoteAddress: 10.1.*.2\n",
                        4,
                        "bad address pattern '10.1.*.2'"),
                Arguments.of("globalWhiteRemoteAddresses:\n  - 10.10.103.*\n  - 300.1.1.1\n", 3, "bad address pattern"),
                Arguments.of("accounts:\n  - accessKey: RocketMQ\n   secretKey: [unclosed\n", 3, "not valid YAML"),
                Arguments.of("acounts:\n  - accessKey: RocketMQ\n", 1, "unknown key 'acounts'"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    admn: true\n",
                        4,
                        "unknown account key 'admn'"),
                Arguments.of(
                        "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    admin: yes please\n",
                        4,
                        "admin must be true or false"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsReportedWithFileLineAndProblem(String text, int line, String problem) {
        assertThatThrownBy(() -> AclFileParser.parse(FILE, text))
                .isInstanceOfSatisfying(AclFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageStartingWith(FILE + ":" + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aShortSecretIsReportedWithoutShowingIt() {
        assertThatThrownBy(
                        () -> AclFileParser.parse(FILE, "accounts:\n  - accessKey: RocketMQ\n    secretKey: s3cr3t\n"))
                .hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("was 6 long");
    }
}
