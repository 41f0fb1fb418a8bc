package io.couriermq.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.tls.KeySource;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TrustSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** How the TLS options become {@link TlsClientSettings}; the files only need to exist. */
class TlsOptionsTest {
    @TempDir
    Path dir;

    @Test
    void nothingGivenIsPlain() {
        assertThat(settings(Map.of())).isEqualTo(TlsClientSettings.disabled());
    }

    @Test
    void tlsAloneTrustsTheJdkStoreAndChecksTheHostname() {
        assertThat(settings(Map.of(), "--tls")).isEqualTo(TlsClientSettings.verifyingServer());
    }

    @Test
    void aPemOrPkcs12CaImpliesTlsAndTheStorePasswordComesFromTheEnvironment() throws IOException {
        Path pem = file("ca.pem");
        Path p12 = file("ca.P12");

        assertThat(settings(Map.of(), "--tls-ca", pem.toString(), "--no-tls-hostname-check"))
                .isEqualTo(new TlsClientSettings(true, new TrustSource.PemBundle(pem), null, false));
        assertThat(settings(Map.of(TlsOptions.PASSWORD_ENV, "store-pass"), "--tls-ca", p12.toString())
                        .trust())
                .isEqualTo(new TrustSource.Pkcs12Store(p12, "store-pass"));
    }

    @Test
    void aClientCertificateAndKeyImplyTlsForMutualTls() throws IOException {
        Path cert = file("client.pem");
        Path key = file("client.key");

        TlsClientSettings settings = settings(Map.of(), "--tls-cert", cert.toString(), "--tls-key", key.toString());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.trust()).isEqualTo(TrustSource.jdkDefault());
        assertThat(settings.clientKey()).isEqualTo(new KeySource.Pem(cert, key, null));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> settings(Map.of(), "--tls-ca", missing.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--tls-ca " + missing + ": no such readable file");
    }

    private TlsClientSettings settings(Map<String, String> environment, String... args) {
        TlsOptions options = new TlsOptions(environment::get);
        CommandLine commandLine = new CommandLine(options);
        commandLine.parseArgs(args);
        return options.settings(commandLine.getCommandSpec());
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "not read here");
    }
}
