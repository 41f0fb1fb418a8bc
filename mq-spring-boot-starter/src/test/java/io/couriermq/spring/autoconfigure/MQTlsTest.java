package io.couriermq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.ClientRuntime;
import io.couriermq.remoting.netty.tls.KeySource;
import io.couriermq.remoting.netty.tls.TestCertificates;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TrustSource;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.autoconfigure.observability.MQSecretsSanitizingAutoConfiguration;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.MQProducers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code courier.tls.*} reaches the client configuration of every runtime the starter starts (the shared
 * one, producers' and listeners' of other accounts), and every rule that fails start-up names its key. The
 * certificates are made by the test; no broker: the client connects lazily, though it loads its TLS
 * material at once.
 */
class MQTlsTest {
    private static final String WRONG_PASSWORD = "not-the-password-7";

    @TempDir
    static Path dir;

    private static TestCertificates pki;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class))
            .withPropertyValues("courier.name-server=127.0.0.1:1");

    @BeforeAll
    static void certificates() {
        pki = TestCertificates.createIn(dir.resolve("pki"));
    }

    @Test
    void tlsIsOffByDefault() {
        runner.run(context -> assertThat(
                        context.getBean(ClientRuntime.class).config().tls())
                .isEqualTo(TlsClientSettings.disabled()));
    }

    @Test
    void enabledAloneTrustsTheJdkStoreAndChecksHostnames() {
        runner.withPropertyValues("courier.tls.enabled=true").run(context -> assertThat(
                        context.getBean(ClientRuntime.class).config().tls())
                .isEqualTo(TlsClientSettings.verifyingServer()));
    }

    @Test
    void aPemBundleAndPemClientKeyReachTheSharedRuntime() {
        KeySource.Pem encrypted = pki.encryptedPem("client");
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.trust-cert-path=" + pki.caPem(),
                        "courier.tls.cert-path=" + encrypted.certChain(),
                        "courier.tls.key-path=" + encrypted.privateKey(),
                        "courier.tls.key-password=" + TestCertificates.PASSWORD,
                        "courier.tls.hostname-verification=false")
                .run(context -> assertThat(
                                context.getBean(ClientRuntime.class).config().tls())
                        .isEqualTo(
                                new TlsClientSettings(true, new TrustSource.PemBundle(pki.caPem()), encrypted, false)));
    }

    @Test
    void pkcs12StoresReachTheSharedRuntime() {
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.trust-store=" + pki.caTrustStore(),
                        "courier.tls.trust-store-password=" + TestCertificates.PASSWORD,
                        "courier.tls.key-store=" + pki.pkcs12("client").keyStore(),
                        "courier.tls.key-store-password=" + TestCertificates.PASSWORD)
                .run(context -> assertThat(
                                context.getBean(ClientRuntime.class).config().tls())
                        .isEqualTo(new TlsClientSettings(
                                true,
                                new TrustSource.Pkcs12Store(pki.caTrustStore(), TestCertificates.PASSWORD),
                                pki.pkcs12("client"),
                                true)));
    }

    @Test
    void runtimesOfOtherAccountsUseTheSameTls() {
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.trust-cert-path=" + pki.caPem(),
                        "courier.producer.access-key=Producer",
                        "courier.producer.secret-key=producer-secret",
                        "courier.consumer.access-key=Consumer",
                        "courier.consumer.secret-key=consumer-secret")
                .withBean(PlainListener.class)
                .run(context -> {
                    ClientRuntime shared = context.getBean(ClientRuntime.class);
                    ClientRuntime producers = context.getBean(MQProducers.class).runtime();
                    ClientRuntime listener = context.getBean(MQListenerEndpointRegistry.class)
                            .getListenerContainers()
                            .iterator()
                            .next()
                            .runtime();
                    TlsClientSettings expected =
                            TlsClientSettings.verifyingServer().withTrust(new TrustSource.PemBundle(pki.caPem()));

                    assertThat(producers).isNotSameAs(shared);
                    assertThat(listener).isNotSameAs(shared).isNotSameAs(producers);
                    assertThat(shared.config().tls()).isEqualTo(expected);
                    assertThat(producers.config().tls()).isEqualTo(expected);
                    assertThat(listener.config().tls()).isEqualTo(expected);
                });
    }

    @Test
    void aTlsKeySetWhileTlsIsOffFailsStartUpNamingIt() {
        runner.withPropertyValues("courier.tls.trust-cert-path=" + pki.caPem()).run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("courier.tls.trust-cert-path=" + pki.caPem())
                    .contains("courier.tls.enabled is false");
            assertThat(analysis.getAction()).contains("courier.tls.enabled=true");
        });
        runner.withPropertyValues("courier.tls.key-store-password=" + WRONG_PASSWORD)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("courier.tls.key-store-password=******")
                        .doesNotContain(WRONG_PASSWORD));
        runner.withPropertyValues("courier.tls.hostname-verification=false")
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("courier.tls.hostname-verification=false"));
    }

    @Test
    void twoTrustSourcesOrTwoClientKeysFailStartUpNamingBothKeys() {
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.trust-cert-path=" + pki.caPem(),
                        "courier.tls.trust-store=" + pki.caTrustStore())
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("courier.tls.trust-cert-path")
                        .contains("courier.tls.trust-store"));
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.cert-path=" + pki.pem("client").certChain(),
                        "courier.tls.key-path=" + pki.pem("client").privateKey(),
                        "courier.tls.key-store=" + pki.pkcs12("client").keyStore(),
                        "courier.tls.key-store-password=" + TestCertificates.PASSWORD)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("courier.tls.cert-path/courier.tls.key-path")
                        .contains("courier.tls.key-store"));
    }

    @Test
    void oneHalfOfAPairFailsStartUpNamingTheMissingKey() {
        assertMissing(
                "courier.tls.key-path",
                "courier.tls.cert-path=" + pki.pem("client").certChain());
        assertMissing(
                "courier.tls.cert-path",
                "courier.tls.key-path=" + pki.pem("client").privateKey());
        assertMissing("courier.tls.key-path", "courier.tls.key-password=" + TestCertificates.PASSWORD);
        assertMissing(
                "courier.tls.key-store-password",
                "courier.tls.key-store=" + pki.pkcs12("client").keyStore());
        assertMissing("courier.tls.key-store", "courier.tls.key-store-password=" + TestCertificates.PASSWORD);
        assertMissing("courier.tls.trust-store", "courier.tls.trust-store-password=" + TestCertificates.PASSWORD);
    }

    private void assertMissing(String missingKey, String given) {
        runner.withPropertyValues("courier.tls.enabled=true", given).run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("CourierMQ could not be configured: " + missingKey + "=")
                    .doesNotContain(TestCertificates.PASSWORD);
            assertThat(analysis.getAction()).contains("Set " + missingKey);
        });
    }

    @Test
    void aMissingFileFailsStartUpNamingTheKeyAndTheFile() {
        Path missing = dir.resolve("no-such-ca.pem");
        runner.withPropertyValues("courier.tls.enabled=true", "courier.tls.trust-cert-path=" + missing)
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("courier.tls.trust-cert-path")
                            .contains(missing.toAbsolutePath().toString())
                            .contains("does not exist or cannot be read");
                });
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.cert-path=" + pki.pem("client").certChain(),
                        "courier.tls.key-path=" + dir)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("courier.tls.key-path=" + dir)
                        .contains("cannot be read"));
    }

    @Test
    void aFileThatCannotBeLoadedFailsStartUpByItsKeyWithoutThePassword() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not-a-certificate.pem"), "hello");
        runner.withPropertyValues("courier.tls.enabled=true", "courier.tls.trust-cert-path=" + notPem)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .startsWith("CourierMQ could not be configured: courier.tls.trust-cert-path=")
                        .contains("the trusted CA certificates cannot be used"));
        runner.withPropertyValues(
                        "courier.tls.enabled=true",
                        "courier.tls.key-store=" + pki.pkcs12("client").keyStore(),
                        "courier.tls.key-store-password=" + WRONG_PASSWORD)
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("CourierMQ could not be configured: courier.tls.key-store=")
                            .contains(pki.pkcs12("client").keyStore().toString())
                            .doesNotContain(WRONG_PASSWORD);
                });
    }

    @Test
    void actuatorEndpointsShowingValuesMaskTheTlsPasswords() {
        runner.withConfiguration(AutoConfigurations.of(
                        MQSecretsSanitizingAutoConfiguration.class,
                        EndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=configprops,env",
                        "management.endpoints.jmx.exposure.include=configprops,env",
                        "management.endpoint.configprops.show-values=always",
                        "management.endpoint.env.show-values=always",
                        "courier.tls.enabled=true",
                        "courier.tls.trust-store=" + pki.caTrustStore(),
                        "courier.tls.trust-store-password=" + TestCertificates.PASSWORD,
                        "courier.tls.cert-path=" + pki.encryptedPem("client").certChain(),
                        "courier.tls.key-path=" + pki.encryptedPem("client").privateKey(),
                        "courier.tls.key-password=" + TestCertificates.PASSWORD)
                .run(context -> {
                    JsonMapper json = JsonMapper.builder().build();
                    String configprops =
                            json.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                                    .configurationProperties());
                    String env = json.writeValueAsString(
                            context.getBean(EnvironmentEndpoint.class).environment(null));

                    assertThat(configprops).contains("ca-truststore.p12").contains("******");
                    assertThat(env).contains("ca-truststore.p12").contains("******");
                    assertThat(configprops).doesNotContain(TestCertificates.PASSWORD);
                    assertThat(env).doesNotContain(TestCertificates.PASSWORD);
                });
    }

    private static FailureAnalysis analysis(Throwable failure) {
        assertThat(failure).as("start-up failure").isNotNull();
        FailureAnalysis analysis = new MQConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a failure analysis for %s", failure).isNotNull();
        return analysis;
    }

    @MQMessageListener(consumerGroup = "g-tls", topic = "Tls")
    static class PlainListener implements MQListener<String> {
        @Override
        public void onMessage(String message) {}
    }
}
