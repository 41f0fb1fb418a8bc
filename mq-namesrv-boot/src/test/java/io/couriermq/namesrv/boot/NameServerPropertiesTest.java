package io.couriermq.namesrv.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.tls.TlsServerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class NameServerPropertiesTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsMatchRocketMq() {
        runner.run(context -> {
            NameServerProperties properties = context.getBean(NameServerProperties.class);
            assertThat(properties.listenPort()).isEqualTo(9876);
            assertThat(properties
                            .toConfig(TlsServerSettings.disabled())
                            .remoting()
                            .bindAddress())
                    .isEqualTo("0.0.0.0");
            assertThat(properties.brokerExpiryMs()).isEqualTo(120_000);
            assertThat(properties
                            .toConfig(TlsServerSettings.disabled())
                            .remoting()
                            .maxFrameBytes())
                    .isEqualTo(16 * 1024 * 1024);
        });
    }

    @Test
    void aMistypedKeyFailsStartUpNamingTheKey() {
        runner.withPropertyValues("courier.namesrv.listen-prot=1234").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("courier.namesrv.listen-prot"));
    }

    @Test
    void anInvalidPortIsRefusedWithAClearMessage() {
        runner.withPropertyValues("courier.namesrv.listen-port=70000").run(context -> {
            NameServerProperties properties = context.getBean(NameServerProperties.class);
            assertThatThrownBy(() -> properties.toConfig(TlsServerSettings.disabled()))
                    .hasMessageContaining("listenPort must be 0..65535, was 70000");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NameServerProperties.class)
    static class PropertiesOnly {}
}
