package io.couriermq.spring.autoconfigure.observability;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the ACL secrets ({@code courier.secret-key}, {@code courier.producer.secret-key}, {@code
 * courier.consumer.secret-key}, {@code courier.security-token}) and the TLS passwords ({@code
 * courier.tls.trust-store-password}, {@code key-password}, {@code key-store-password}) in the {@code
 * configprops} and {@code env} actuator endpoints even when an application shows their values ({@code
 * show-values=always}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class MQSecretsSanitizingAutoConfiguration {

    MQSecretsSanitizingAutoConfiguration() {}

    @Bean
    SanitizingFunction courierSecretsSanitizer() {
        return SanitizingFunction.sanitizeValue().ifKeyMatches(MQSecretsSanitizingAutoConfiguration::isCourierSecret);
    }

    /**
     * {@code courier.secret-key} as a property, {@code secretKey} as a configprops field under {@code
     * courier}, {@code COURIER_SECRET_KEY} as an environment variable: any key of ours naming a secret
     * or a password.
     */
    static boolean isCourierSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        String compact = lower.replace("-", "").replace("_", "").replace(".", "");
        return lower.startsWith("courier")
                && (compact.contains("secretkey") || compact.contains("securitytoken") || compact.contains("password"));
    }
}
