package io.couriermq.remoting.netty.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Where a side's own certificate chain and private key come from. */
public sealed interface KeySource {

    /**
     * PEM files: the certificate chain (leaf first) and a PKCS#8 private key ({@code BEGIN PRIVATE KEY},
     * or {@code BEGIN ENCRYPTED PRIVATE KEY} with {@code password}). PKCS#1 ({@code BEGIN RSA PRIVATE
     * KEY}) files are converted with {@code openssl pkcs8 -topk8 -nocrypt}.
     */
    record Pem(Path certChain, Path privateKey, String password) implements KeySource {
        public Pem {
            Objects.requireNonNull(certChain, "certChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public String toString() {
            return "PEM " + certChain + " + " + privateKey; // never the password
        }
    }

    /** A PKCS12 key store holding one private key entry with its chain; one password for store and key. */
    record Pkcs12(Path keyStore, String password) implements KeySource {
        public Pkcs12 {
            Objects.requireNonNull(keyStore, "keyStore");
        }

        @Override
        public String toString() {
            return "PKCS12 " + keyStore;
        }
    }
}
