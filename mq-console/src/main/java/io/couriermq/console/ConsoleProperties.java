package io.couriermq.console;

import io.couriermq.remoting.security.Credentials;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings under {@code courier.console.*}.
 *
 * @param enabled serve the console at /console
 * @param nameServer NameServer address(es), separated by ';'; only read when the application supplies no
 *     {@link ConsoleNameServer} of its own (both CourierMQ apps do)
 * @param sampleInterval how often the chart figures (TPS per broker, lag per group) are sampled
 * @param sampleCapacity how many samples the charts keep (a bounded ring: the oldest goes first)
 * @param requestTimeout how long one admin request may take before the page shows an error
 * @param writeEnabled serve the console's writes (create, update and delete topics, reset offsets, resend
 *     messages and dead letters, cancel pending deliveries) without Spring Security on the classpath; off by
 *     default, so that anyone who can reach the page cannot change the cluster. With Spring Security they are
 *     served anyway (it demands a login)
 * @param accessKey the ACL account the console's admin requests are signed with, for brokers with
 *     {@code aclEnable=true}; reading pages needs a valid signature, changing topics and groups an admin account
 * @param secretKey that account's secret key (never shown)
 */
@ConfigurationProperties(prefix = "courier.console")
public record ConsoleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String nameServer,
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("360") int sampleCapacity,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("false") boolean writeEnabled,
        @DefaultValue("") String accessKey,
        @DefaultValue("") String secretKey) {

    public ConsoleProperties {
        if (accessKey.isBlank() != secretKey.isBlank()) {
            throw new IllegalArgumentException("courier.console.access-key and courier.console.secret-key go together:"
                    + " set both (for a broker with ACL on) or neither");
        }
        if (sampleCapacity < 2) {
            throw new IllegalArgumentException(
                    "courier.console.sample-capacity must be at least 2, was " + sampleCapacity);
        }
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException(
                    "courier.console.sample-interval must be positive, was " + sampleInterval);
        }
    }

    /** The credentials the console signs with; null when none are set. */
    public Credentials credentials() {
        return accessKey.isBlank() ? null : new Credentials(accessKey, secretKey);
    }

    /** Never shows the secret key: the record's own toString would. */
    @Override
    public String toString() {
        return "ConsoleProperties[enabled=" + enabled + ", nameServer=" + nameServer + ", writeEnabled=" + writeEnabled
                + ", accessKey=" + accessKey + "]";
    }
}
