package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

/**
 * Our ACL 1.0 signature ({@link RequestSignature}) against the official 5.2.0 {@link AclClientRPCHook} as
 * the oracle: random requests (codes, ext fields with unicode, the \u0001/\u0002 property separators and
 * empty values, keys that sort around {@code AccessKey}, bodies absent, empty or random, with and without a
 * security token), signed by the official hook, get exactly the signature ours computes, and ours verifies
 * and re-signs them alike. Seeded, so a failure names a reproducible case.
 */
class AclSignatureOracleTest {

    private static final long SEED = 20261207L;
    private static final int CASES = 3_000;

    /** Letters of both cases, digits, '_' (sorts between upper and lower case), separators, non-ASCII. */
    private static final String ALPHABET = "aAbBkKsSzZ09_-=|.: \u0001\u0002\u00e9\u00df\u4e2d\u6587\u0416\ud83d\ude00";

    @Test
    void officialHookAndOurSignatureAgreeOnRandomRequests() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            // Prefixed: the official client and ours both refuse blank keys and treat a blank token as none.
            String accessKey = "ak" + text(random, 0, 12);
            String secretKey = "sk" + text(random, 0, 24);
            String token = random.nextInt(4) == 0 ? "tok" + text(random, 0, 10) : null;
            int code = random.nextInt(400);
            Map<String, String> fields = new HashMap<>();
            int count = random.nextInt(10);
            for (int f = 0; f < count; f++) {
                fields.put(text(random, 1, 8), random.nextInt(8) == 0 ? "" : text(random, 0, 40));
            }
            byte[] body = body(random);
            String description = "case " + i + " (seed " + SEED + "): code " + code + ", fields " + fields.keySet()
                    + ", body " + (body == null ? "null" : body.length + " bytes") + ", token " + (token != null);

            RemotingCommand official = RemotingCommand.createRequestCommand(code, null);
            fields.forEach(official::addExtField);
            official.setBody(body);
            new AclClientRPCHook(new SessionCredentials(accessKey, secretKey, token))
                    .doBeforeRequest("127.0.0.1:10911", official);
            Map<String, String> signed = official.getExtFields();
            String expected = signed.get(SessionCredentials.SIGNATURE);

            assertThat(RequestSignature.compute(signed, body, secretKey))
                    .as(description)
                    .isEqualTo(expected);
            io.couriermq.remoting.protocol.RemotingCommand received = ours(code, signed, body);
            assertThat(RequestSignature.verify(received, secretKey))
                    .as("verify, " + description)
                    .isTrue();
            assertThat(RequestSignature.verify(received, secretKey + "x"))
                    .as("verify with another secret, " + description)
                    .isFalse();
            assertThat(RequestSignature.sign(ours(code, fields, body), new Credentials(accessKey, secretKey, token))
                            .extFields())
                    .as("our sign(), " + description)
                    .isEqualTo(signed);
        }
    }

    private static io.couriermq.remoting.protocol.RemotingCommand ours(
            int code, Map<String, String> fields, byte[] body) {
        return io.couriermq.remoting.protocol.RemotingCommand.request(code)
                .extFields(fields)
                .body(body)
                .build();
    }

    private static String text(Random random, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new byte[0];
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(512)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }
}
