package io.couriermq.remoting.netty.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Which certificates a side accepts from its peer. */
public sealed interface TrustSource {

    /** The JDK's default trust store (cacerts, or {@code javax.net.ssl.trustStore}). */
    static TrustSource jdkDefault() {
        return JdkDefault.INSTANCE;
    }

    /**
     * Every certificate, unchecked: what RocketMQ does when {@code tls.client.authServer} or
     * {@code tls.server.authClient} is false. Encrypts, but proves nothing about the peer.
     */
    static TrustSource anyCertificate() {
        return AnyCertificate.INSTANCE;
    }

    /** A PEM bundle of CA certificates. */
    record PemBundle(Path certificates) implements TrustSource {
        public PemBundle {
            Objects.requireNonNull(certificates, "certificates");
        }
    }

    /** A PKCS12 trust store of CA certificates. */
    record Pkcs12Store(Path trustStore, String password) implements TrustSource {
        public Pkcs12Store {
            Objects.requireNonNull(trustStore, "trustStore");
        }

        @Override
        public String toString() {
            return "PKCS12 " + trustStore;
        }
    }

    enum JdkDefault implements TrustSource {
        INSTANCE
    }

    enum AnyCertificate implements TrustSource {
        INSTANCE
    }
}
