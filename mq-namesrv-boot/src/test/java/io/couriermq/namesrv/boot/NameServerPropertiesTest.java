package io.couriermq.namesrv.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.acl.AclConfig;
import io.couriermq.acl.file.AclFileException;
import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
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
    void portLimitsDefaultAndCanBeSet() {
        runner.run(context -> assertThat(context.getBean(NameServerProperties.class)
                        .toConfig(TlsServerSettings.disabled())
                        .remoting()
                        .limits())
                .isEqualTo(ServerLimits.defaults()));
        runner.withPropertyValues(
                        "courier.namesrv.limits.max-connections-per-address=50",
                        "courier.namesrv.limits.write-buffer-high-water-mark=4194304",
                        "courier.namesrv.limits.max-pending-request-bytes-per-connection=2097152",
                        "courier.namesrv.limits.max-pending-request-bytes=16777216")
                .run(context -> {
                    ServerLimits limits = context.getBean(NameServerProperties.class)
                            .toConfig(TlsServerSettings.disabled())
                            .remoting()
                            .limits();
                    assertThat(limits.maxConnectionsPerAddress()).isEqualTo(50);
                    assertThat(limits.writeBufferHighWaterMark()).isEqualTo(4 << 20);
                    assertThat(limits.maxPendingRequestBytesPerConnection()).isEqualTo(2L << 20);
                    assertThat(limits.maxPendingRequestBytes()).isEqualTo(16L << 20);
                    assertThat(limits.maxConnections()).isEqualTo(ServerLimits.DEFAULT_MAX_CONNECTIONS);
                });
        runner.withPropertyValues("courier.namesrv.limits.max-connections=0").run(context -> {
            NameServerProperties properties = context.getBean(NameServerProperties.class);
            assertThatThrownBy(() -> properties.toConfig(TlsServerSettings.disabled()))
                    .hasMessageContaining("maxConnections must be at least 1, was 0");
        });
        runner.withPropertyValues("courier.namesrv.limits.max-pending-request-bytes-per-connection=-1")
                .run(context -> {
                    NameServerProperties properties = context.getBean(NameServerProperties.class);
                    assertThatThrownBy(() -> properties.toConfig(TlsServerSettings.disabled()))
                            .hasMessageContaining("maxPendingRequestBytesPerConnection must be at least 1, was -1");
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

    @Test
    void aclIsOffByDefaultAndOnWithItsFileWhenAsked() {
        runner.run(context -> assertThat(context.getBean(NameServerProperties.class)
                        .toConfig(TlsServerSettings.disabled())
                        .acl())
                .isNull());
        runner.withPropertyValues("courier.namesrv.acl-enable=true")
                .run(context -> assertThat(context.getBean(NameServerProperties.class)
                                .toConfig(TlsServerSettings.disabled())
                                .acl())
                        .isEqualTo(AclConfig.defaults()));
        runner.withPropertyValues("courier.namesrv.acl-enable=true", "courier.namesrv.acl-file=/etc/mq/acl.yml")
                .run(context -> assertThat(context.getBean(NameServerProperties.class)
                                .toConfig(TlsServerSettings.disabled())
                                .acl()
                                .accountsFile())
                        .isEqualTo(Path.of("/etc/mq/acl.yml")));
    }

    @Test
    void anAclFileWithoutAclEnableIsRefusedRatherThanStartingOpen() {
        runner.withPropertyValues("courier.namesrv.acl-file=/etc/mq/acl.yml").run(context -> {
            NameServerProperties properties = context.getBean(NameServerProperties.class);
            assertThatThrownBy(() -> properties.toConfig(TlsServerSettings.disabled()))
                    .hasMessageContaining("courier.namesrv.acl-file is set but courier.namesrv.acl-enable is false");
        });
    }

    @Test
    void aBadAccountsFileIsReportedWithItsFileAndLine() {
        AclFileException bad = new AclFileException(Path.of("/etc/mq/acl.yml"), 7, "secretKey must be a string");
        FailureAnalysis analysis =
                new AclFileFailureAnalyzer().analyze(new IllegalStateException("Failed to start bean", bad));
        assertThat(analysis.getDescription()).contains("/etc/mq/acl.yml:7: secretKey must be a string");
        assertThat(new AclFileFailureAnalyzer().analyze(new IllegalStateException("other")))
                .isNull();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NameServerProperties.class)
    static class PropertiesOnly {}
}
