package io.couriermq.remoting.netty.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Netty {@link SslContext}s from our settings, once per server or client. OpenSSL (netty-tcnative)
 * is used when it is on the class path, the JDK's engine otherwise. Any unreadable file fails here, at
 * start-up, naming the file.
 */
public final class SslContexts {
    private static final Logger log = LoggerFactory.getLogger(SslContexts.class);

    private SslContexts() {}

    public static SslContext forServer(TlsServerSettings settings) {
        if (settings.mode() == TlsMode.DISABLED) {
            throw new IllegalArgumentException("TLS is disabled: no server context");
        }
        SslContext context = build(
                () -> {
                    SslContextBuilder builder = keyed(settings.key());
                    if (settings.clientAuth() != ClientAuthMode.NONE) {
                        trust(builder, settings.clientTrust());
                        builder.clientAuth(
                                settings.clientAuth() == ClientAuthMode.REQUIRE
                                        ? ClientAuth.REQUIRE
                                        : ClientAuth.OPTIONAL);
                    }
                    return builder;
                },
                "server key " + settings.key() + ", client trust " + describe(settings.clientTrust()));
        log.info(
                "TLS server context: mode {}, key {}, client auth {} ({}), provider {}",
                settings.mode(),
                settings.key(),
                settings.clientAuth(),
                describe(settings.clientTrust()),
                provider());
        return context;
    }

    public static SslContext forClient(TlsClientSettings settings) {
        SslContext context = build(
                () -> {
                    // Netty 4.2 verifies hostnames by default; null turns it off
                    SslContextBuilder builder = SslContextBuilder.forClient()
                            .endpointIdentificationAlgorithm(settings.verifyHostname() ? "HTTPS" : null);
                    trust(builder, settings.trust());
                    if (settings.clientKey() != null) {
                        keyManager(builder, settings.clientKey());
                    }
                    return builder;
                },
                "trust " + describe(settings.trust()) + ", client key " + settings.clientKey());
        log.debug(
                "TLS client context: trust {}, client key {}, hostname verification {}",
                describe(settings.trust()),
                settings.clientKey(),
                settings.verifyHostname());
        return context;
    }

    /** The provider the contexts use: OPENSSL when netty-tcnative loaded, JDK otherwise. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    private static SslContextBuilder keyed(KeySource key) {
        if (key instanceof KeySource.Pem pem) {
            return SslContextBuilder.forServer(
                    readable(pem.certChain()).toFile(),
                    readable(pem.privateKey()).toFile(),
                    pem.password());
        }
        return SslContextBuilder.forServer(keyManagerFactory((KeySource.Pkcs12) key));
    }

    private static void keyManager(SslContextBuilder builder, KeySource key) {
        if (key instanceof KeySource.Pem pem) {
            builder.keyManager(
                    readable(pem.certChain()).toFile(),
                    readable(pem.privateKey()).toFile(),
                    pem.password());
        } else {
            builder.keyManager(keyManagerFactory((KeySource.Pkcs12) key));
        }
    }

    private static void trust(SslContextBuilder builder, TrustSource trust) {
        if (trust instanceof TrustSource.PemBundle pem) {
            builder.trustManager(readable(pem.certificates()).toFile());
        } else if (trust instanceof TrustSource.Pkcs12Store store) {
            builder.trustManager(trustManagerFactory(store));
        } else if (trust == TrustSource.anyCertificate()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        // JdkDefault: no trust manager set, so the JDK's default trust store applies
    }

    private static KeyManagerFactory keyManagerFactory(KeySource.Pkcs12 source) {
        char[] password = chars(source.password());
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(source.keyStore(), password), password);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(
                    "cannot use the key in PKCS12 key store " + source.keyStore() + ": " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustManagerFactory(TrustSource.Pkcs12Store source) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(load(source.trustStore(), chars(source.password())));
            return factory;
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(
                    "cannot use PKCS12 trust store " + source.trustStore() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(readable(path))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password surfaces as an IOException whose cause is an UnrecoverableKeyException
            throw new TlsConfigurationException(
                    "cannot read PKCS12 store " + path + " (wrong password or not PKCS12?): " + e.getMessage(), e);
        }
    }

    private static SslContext build(Supplier<SslContextBuilder> builder, String what) {
        try {
            return builder.get().sslProvider(provider()).build();
        } catch (TlsConfigurationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsConfigurationException("cannot build a TLS context from " + what + ": " + rootMessage(e), e);
        }
    }

    static Path readable(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new TlsConfigurationException(
                    "TLS file " + path.toAbsolutePath() + " does not exist or is not" + " a readable file");
        }
        return path;
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static String describe(TrustSource trust) {
        return trust == TrustSource.anyCertificate() ? "any certificate accepted" : trust.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + cause.getMessage() + ")";
    }
}
