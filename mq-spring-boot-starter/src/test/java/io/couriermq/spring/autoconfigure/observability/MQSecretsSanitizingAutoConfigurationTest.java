package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which keys the sanitizer masks; {@code MQCredentialsTest} checks the endpoints' output. */
class MQSecretsSanitizingAutoConfigurationTest {

    @Test
    void everyFormOfOurSecretKeysAndPasswordsIsMaskedAndNothingElse() {
        assertThat(List.of(
                        "courier.secret-key",
                        "courier.consumer.secret-key",
                        "courier.producer.secretKey",
                        "COURIER_SECRET_KEY",
                        "courier.security-token",
                        "courier.tls.trust-store-password",
                        "courier.tls.keyPassword",
                        "COURIER_TLS_KEY_STORE_PASSWORD"))
                .allMatch(MQSecretsSanitizingAutoConfiguration::isCourierSecret);
        assertThat(List.of(
                        "courier.access-key",
                        "courier.producer.group",
                        "other.secret-key",
                        "other.password",
                        "courier.tls.key-store",
                        "courier.tls.trust-cert-path"))
                .noneMatch(MQSecretsSanitizingAutoConfiguration::isCourierSecret);
    }
}
