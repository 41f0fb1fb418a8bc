package io.couriermq.remoting.netty.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocketMQ's tls.* keys into our settings: sources in order, and every refusal naming key and file. */
class TlsPropertiesTest {
    @TempDir
    static Path dir;

    private static TestCertificates pki;

    @BeforeAll
    static void makeCertificates() {
        pki = TestCertificates.createIn(dir.resolve("pki"));
    }

    @Test
    void nothingConfiguredMeansDisabledNotRocketMqsSelfSignedPermissive() {
        TlsProperties properties = TlsProperties.of(Map.of());

        assertThat(properties.server()).isEqualTo(TlsServerSettings.disabled());
        assertThat(properties.outbound().enabled()).isFalse();
    }

    @Test
    void pemServerKeyWithMutualTls() {
        TlsServerSettings server = TlsProperties.of(Map.of(
                        "tls.server.mode",
                        "Enforcing",
                        "tls.server.certPath",
                        pki.pem("server").certChain().toString(),
                        "tls.server.keyPath",
                        pki.pem("server").privateKey().toString(),
                        "tls.server.need.client.auth",
                        "require",
                        "tls.server.authClient",
                        "true",
                        "tls.server.trustCertPath",
                        pki.caPem().toString()))
                .server();

        assertThat(server.mode()).isEqualTo(TlsMode.ENFORCING);
        assertThat(server.key()).isEqualTo(pki.pem("server"));
        assertThat(server.clientAuth()).isEqualTo(ClientAuthMode.REQUIRE);
        assertThat(server.clientTrust()).isEqualTo(new TrustSource.PemBundle(pki.caPem()));
        assertThat(SslContexts.forServer(server).isServer()).isTrue();
    }

    @Test
    void pkcs12ServerKeyAndClientAuthWithoutAuthClientAcceptsAnyCertificateAsRocketMqDoes() {
        TlsServerSettings server = TlsProperties.of(Map.of(
                        "tls.server.mode",
                        "permissive",
                        "tls.server.keyStorePath",
                        pki.pkcs12("server").keyStore().toString(),
                        "tls.server.keyStorePassword",
                        TestCertificates.PASSWORD,
                        "tls.server.need.client.auth",
                        "optional"))
                .server();

        assertThat(server.key()).isEqualTo(pki.pkcs12("server"));
        assertThat(server.clientTrust()).isEqualTo(TrustSource.anyCertificate());
        assertThat(SslContexts.forServer(server).isServer()).isTrue();
    }

    @Test
    void theFileOverridesSystemPropertiesAndTheServersConfigOverridesTheFile() throws Exception {
        Path file = dir.resolve("tls.properties");
        Files.writeString(
                file,
                "tls.server.mode=enforcing\ntls.server.certPath="
                        + pki.pem("server").certChain() + "\ntls.server.keyPath="
                        + pki.pem("server").privateKey() + "\n");
        Properties system = new Properties();
        system.setProperty("tls.server.mode", "disabled");
        system.setProperty("tls.config.file", file.toString());
        system.setProperty("tls.server.need.client.auth", "optional");
        system.setProperty("unrelated", "x");

        TlsServerSettings fromFile = TlsProperties.resolve(system, Map.of()).server();
        TlsServerSettings fromConf = TlsProperties.resolve(system, Map.of("tls.server.mode", "permissive"))
                .server();

        assertThat(fromFile.mode()).isEqualTo(TlsMode.ENFORCING);
        assertThat(fromFile.clientAuth()).isEqualTo(ClientAuthMode.OPTIONAL);
        assertThat(fromConf.mode()).isEqualTo(TlsMode.PERMISSIVE);
    }

    @Test
    void aNamedConfigFileThatIsMissingFailsNamingKeyAndFile() {
        Properties system = new Properties();
        system.setProperty("tls.config.file", "/nonexistent/tls.properties");

        assertThatThrownBy(() -> TlsProperties.resolve(system, Map.of()))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("tls.config.file=/nonexistent/tls.properties");
    }

    @Test
    void aModeWithoutKeyOrWithAMissingKeyFileFailsNamingTheKeyAndFile() {
        assertThatThrownBy(() ->
                        TlsProperties.of(Map.of("tls.server.mode", "enforcing")).server())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("tls.server.certPath")
                .hasMessageContaining("tls.server.keyStorePath");
        assertThatThrownBy(() -> TlsProperties.of(Map.of(
                                "tls.server.mode", "permissive",
                                "tls.server.certPath",
                                        pki.pem("server").certChain().toString(),
                                "tls.server.keyPath", "/nonexistent/server.key"))
                        .server())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("tls.server.keyPath=/nonexistent/server.key")
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnknownModeIsRefusedRatherThanTakenForPermissive() {
        assertThatThrownBy(() ->
                        TlsProperties.of(Map.of("tls.server.mode", "enforced")).server())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("tls.server.mode must be disabled, permissive or enforcing, was 'enforced'");
    }

    @Test
    void aKeyFileThatIsNotAKeyFailsNamingTheFile() {
        TlsServerSettings swapped =
                TlsServerSettings.of(TlsMode.ENFORCING, new KeySource.Pem(pki.caPem(), pki.caPem(), null));
        assertThatThrownBy(() -> SslContexts.forServer(swapped))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining(pki.caPem().toString());
        TlsServerSettings wrongPassword = TlsServerSettings.of(
                TlsMode.ENFORCING, new KeySource.Pkcs12(pki.pkcs12("server").keyStore(), "nope"));
        assertThatThrownBy(() -> SslContexts.forServer(wrongPassword))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("server.p12");
    }

    @Test
    void outboundFollowsRocketMqEnableOrEnforcingTrustAllUnlessAuthServerAndNoHostnameCheck() {
        TlsClientSettings enforcing = TlsProperties.of(Map.of(
                        "tls.server.mode",
                        "enforcing",
                        "tls.server.keyStorePath",
                        pki.pkcs12("server").keyStore().toString()))
                .outbound();
        TlsClientSettings verifying = TlsProperties.of(Map.of(
                        "tls.enable", "true",
                        "tls.client.authServer", "true",
                        "tls.client.trustCertPath", pki.caPem().toString(),
                        "tls.client.certPath", pki.pem("client").certChain().toString(),
                        "tls.client.keyPath", pki.pem("client").privateKey().toString()))
                .outbound();

        assertThat(enforcing.enabled()).isTrue();
        assertThat(enforcing.trust()).isEqualTo(TrustSource.anyCertificate());
        assertThat(enforcing.verifyHostname()).isFalse();
        assertThat(verifying.trust()).isEqualTo(new TrustSource.PemBundle(pki.caPem()));
        assertThat(verifying.clientKey()).isEqualTo(pki.pem("client"));
    }

    @Test
    void relaxedSpringNamesMapOntoRocketMqKeys() {
        assertThat(TlsProperties.keyFor("server.cert-path")).contains("tls.server.certPath");
        assertThat(TlsProperties.keyFor("server.need-client-auth")).contains("tls.server.need.client.auth");
        assertThat(TlsProperties.keyFor("serverKeyStorePassword")).contains("tls.server.keyStorePassword");
        assertThat(TlsProperties.keyFor("enable")).contains("tls.enable");
        assertThat(TlsProperties.keyFor("config-file")).contains("tls.config.file");
        assertThat(TlsProperties.keyFor("server.nonsense")).isEmpty();
        assertThat(TlsProperties.rocketMqKeys("courier.tls", Map.of("server.mode", "enforcing")))
                .containsExactly(Map.entry("tls.server.mode", "enforcing"));
        assertThatThrownBy(() -> TlsProperties.rocketMqKeys("courier.tls", Map.of("server.mood", "x")))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("unknown TLS property courier.tls.server.mood");
    }
}
