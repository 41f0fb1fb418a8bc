package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The standalone node's NameServer takes courier.namesrv.* as the NameServer application does. */
class EmbeddedNameServerPropertiesTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void portLimitsDefaultAndCanBeSetUnderTheNameServerApplicationsNames() {
        runner.run(context -> assertThat(limits(context.getBean(EmbeddedNameServerProperties.class)))
                .isEqualTo(ServerLimits.defaults()));
        runner.withPropertyValues(
                        "courier.namesrv.limits.max-connections=200",
                        "courier.namesrv.limits.max-pending-requests-per-connection=64",
                        "courier.namesrv.limits.max-pending-request-bytes-per-connection=1048576",
                        "courier.namesrv.limits.max-pending-request-bytes=8388608")
                .run(context -> {
                    ServerLimits limits = limits(context.getBean(EmbeddedNameServerProperties.class));
                    assertThat(limits.maxConnections()).isEqualTo(200);
                    assertThat(limits.maxPendingRequestsPerConnection()).isEqualTo(64);
                    assertThat(limits.maxPendingRequestBytesPerConnection()).isEqualTo(1L << 20);
                    assertThat(limits.maxPendingRequestBytes()).isEqualTo(8L << 20);
                    assertThat(limits.maxConnectionsPerAddress())
                            .isEqualTo(ServerLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
                });
    }

    @Test
    void anImpossibleLimitIsRefusedNamingIt() {
        runner.withPropertyValues("courier.namesrv.limits.max-connections-per-address=0")
                .run(context -> {
                    EmbeddedNameServerProperties properties = context.getBean(EmbeddedNameServerProperties.class);
                    assertThatThrownBy(() -> limits(properties))
                            .hasMessageContaining("maxConnectionsPerAddress must be at least 1, was 0");
                });
    }

    @Test
    void anImpossibleRequestByteBoundIsRefusedNamingIt() {
        runner.withPropertyValues("courier.namesrv.limits.max-pending-request-bytes=0")
                .run(context -> {
                    EmbeddedNameServerProperties properties = context.getBean(EmbeddedNameServerProperties.class);
                    assertThatThrownBy(() -> limits(properties))
                            .hasMessageContaining("maxPendingRequestBytes must be at least 1, was 0");
                });
    }

    @Test
    void aMistypedLimitKeyFailsStartUp() {
        runner.withPropertyValues("courier.namesrv.limits.max-conections=5")
                .run(context -> assertThat(context).hasFailed());
    }

    private static ServerLimits limits(EmbeddedNameServerProperties properties) {
        return properties.toConfig(TlsServerSettings.disabled()).remoting().limits();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedNameServerProperties.class)
    static class PropertiesOnly {}
}
