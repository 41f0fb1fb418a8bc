package io.couriermq.remoting.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden values were computed by the official 5.2.0 AclClientRPCHook and checked with openssl. */
class RequestSignatureTest {
    private static final Credentials ROCKETMQ = new Credentials("RocketMQ", "12345678");

    @Test
    void routeLookupWithoutBody() {
        RemotingCommand signed = RequestSignature.sign(
                RemotingCommand.request(105).extField("topic", "TopicTest").build(), ROCKETMQ);

        assertThat(signed.extField("AccessKey")).isEqualTo("RocketMQ");
        assertThat(signed.extField("Signature")).isEqualTo("0jiwhsaYp5ObE5GObbZH1I8/FT4=");
        assertThat(RequestSignature.verify(signed, "12345678")).isTrue();
    }

    @Test
    void sendWithBodySignsTheBodyBytesAfterTheSortedValues() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("n", "broker-a");
        header.put("a", "PG_DEMO");
        header.put("b", "TopicTest");
        header.put("c", "TBW102");
        header.put("d", "4");
        header.put("e", "0");
        header.put("f", "0");
        header.put("g", "1700000000000");
        header.put("h", "0");
        header.put("i", "UNIQ_KEY\u00017F00000100002A9F0000000000000000\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002");
        header.put("j", "0");
        header.put("k", "false");
        header.put("m", "false");
        RemotingCommand request = RemotingCommand.request(310)
                .extFields(header)
                .body("Hello RocketMQ".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThat(RequestSignature.sign(request, ROCKETMQ).extField("Signature"))
                .isEqualTo("cbeItLzKqaaALtJtM5FXLzis+C4=");
    }

    @Test
    void securityTokenIsSigned() {
        RemotingCommand signed = RequestSignature.sign(
                RemotingCommand.request(105).extField("topic", "TopicTest").build(),
                new Credentials("RocketMQ", "12345678", "tok-123"));

        assertThat(signed.extField("SecurityToken")).isEqualTo("tok-123");
        assertThat(signed.extField("Signature")).isEqualTo("48BnRLfDeLLTPErXnDX6A7uhVSI=");
    }

    @Test
    void signingAgainGivesTheSameSignature() {
        RemotingCommand once = RequestSignature.sign(
                RemotingCommand.request(105).extField("topic", "TopicTest").build(), ROCKETMQ);

        assertThat(RequestSignature.sign(once, ROCKETMQ).extField("Signature")).isEqualTo(once.extField("Signature"));
    }

    @Test
    void aChangedValueBodyOrSecretFailsVerification() {
        RemotingCommand signed = RequestSignature.sign(
                RemotingCommand.request(310)
                        .extField("b", "TopicTest")
                        .body(new byte[] {1, 2, 3})
                        .build(),
                ROCKETMQ);

        assertThat(RequestSignature.verify(signed, "wrong-secret")).isFalse();
        assertThat(RequestSignature.verify(
                        signed.toBuilder().extField("b", "Other").build(), "12345678"))
                .isFalse();
        assertThat(RequestSignature.verify(
                        signed.toBuilder().body(new byte[] {1, 2, 4}).build(), "12345678"))
                .isFalse();
        assertThat(RequestSignature.verify(RemotingCommand.request(310).build(), "12345678"))
                .as("no signature at all")
                .isFalse();
    }

    @Test
    void oldClientsUniqueKeyQueryIsNotPartOfTheContent() {
        RemotingCommand fromOldClient = RemotingCommand.request(12)
                .version(399)
                .extField("topic", "TopicTest")
                .extField("_UNIQUE_KEY_QUERY", "true")
                .extField("AccessKey", "RocketMQ")
                .build();
        String withoutFlag = RequestSignature.compute(
                Map.of("topic", "TopicTest", "AccessKey", "RocketMQ"), new byte[0], "12345678");

        assertThat(RequestSignature.expected(fromOldClient, "12345678")).isEqualTo(withoutFlag);
        assertThat(RequestSignature.expected(
                        fromOldClient.toBuilder().version(453).build(), "12345678"))
                .isNotEqualTo(withoutFlag);
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(new Credentials("RocketMQ", "12345678", "tok").toString())
                .doesNotContain("12345678")
                .doesNotContain("tok");
    }
}
