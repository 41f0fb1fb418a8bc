package io.couriermq.spring.autoconfigure;

import io.couriermq.remoting.netty.tls.KeySource;
import io.couriermq.remoting.netty.tls.SslContexts;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TlsConfigurationException;
import io.couriermq.remoting.netty.tls.TrustSource;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code courier.tls.*} as the client's {@link TlsClientSettings}, every rule checked by key: a TLS key set
 * while TLS is off, two trust sources or two client keys at once, one half of a pair, or a file that cannot
 * be read fails start-up naming the key (and the file). A password is never part of a failure.
 */
public final class ClientTlsSettings {
    static final String ENABLED = "courier.tls.enabled";
    static final String TRUST_CERT_PATH = "courier.tls.trust-cert-path";
    static final String TRUST_STORE = "courier.tls.trust-store";
    static final String TRUST_STORE_PASSWORD = "courier.tls.trust-store-password";
    static final String CERT_PATH = "courier.tls.cert-path";
    static final String KEY_PATH = "courier.tls.key-path";
    static final String KEY_PASSWORD = "courier.tls.key-password";
    static final String KEY_STORE = "courier.tls.key-store";
    static final String KEY_STORE_PASSWORD = "courier.tls.key-store-password";
    static final String HOSTNAME_VERIFICATION = "courier.tls.hostname-verification";

    /** What a failure shows instead of a password. */
    private static final String MASKED = "******";

    private ClientTlsSettings() {}

    /** The TLS settings of {@code tls}: {@link TlsClientSettings#disabled()} unless enabled. */
    public static TlsClientSettings of(MQTlsProperties tls) {
        if (!tls.isEnabled()) {
            refuseStrayKeys(tls);
            return TlsClientSettings.disabled();
        }
        TlsClientSettings settings = TlsClientSettings.verifyingServer()
                .withHostnameVerification(tls.isHostnameVerification())
                .withTrust(trust(tls));
        KeySource key = clientKey(tls);
        return key == null ? settings : settings.withClientKey(key);
    }

    /**
     * Loads the trust material and the client key of {@code settings} once, so a file that is not what
     * its key says (not PEM, not PKCS12, a wrong password) fails start-up by that key rather than on the
     * first connection.
     */
    static void checkLoadable(MQTlsProperties tls, TlsClientSettings settings) {
        if (!settings.enabled()) {
            return;
        }
        String trustKey = tls.getTrustStore() != null ? TRUST_STORE : TRUST_CERT_PATH;
        load(trustKey, settings.withClientKey(null), "the trusted CA certificates cannot be used");
        if (settings.clientKey() != null) {
            String keyKey = tls.getKeyStore() != null ? KEY_STORE : KEY_PATH;
            load(keyKey, settings, "the client certificate and key cannot be used");
        }
    }

    private static void load(String key, TlsClientSettings settings, String problem) {
        try {
            ReferenceCountUtil.release(SslContexts.forClient(settings));
        } catch (TlsConfigurationException e) {
            throw new MQConfigurationException(
                    key,
                    describe(settings, key),
                    problem + ": " + e.getMessage(),
                    "Check that " + key + " names the right file in the right format, and its password.");
        }
    }

    private static Object describe(TlsClientSettings settings, String key) {
        return key.startsWith("courier.tls.trust") ? settings.trust() : settings.clientKey();
    }

    private static void refuseStrayKeys(MQTlsProperties tls) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(TRUST_CERT_PATH, tls.getTrustCertPath());
        set.put(TRUST_STORE, tls.getTrustStore());
        set.put(TRUST_STORE_PASSWORD, hasText(tls.getTrustStorePassword()) ? MASKED : null);
        set.put(CERT_PATH, tls.getCertPath());
        set.put(KEY_PATH, tls.getKeyPath());
        set.put(KEY_PASSWORD, hasText(tls.getKeyPassword()) ? MASKED : null);
        set.put(KEY_STORE, tls.getKeyStore());
        set.put(KEY_STORE_PASSWORD, hasText(tls.getKeyStorePassword()) ? MASKED : null);
        set.put(HOSTNAME_VERIFICATION, tls.isHostnameVerification() ? null : false);
        for (Map.Entry<String, Object> entry : set.entrySet()) {
            if (entry.getValue() != null) {
                throw new MQConfigurationException(
                        entry.getKey(),
                        entry.getValue(),
                        "is set but " + ENABLED + " is false, so connections would not use TLS",
                        "Set " + ENABLED + "=true to connect over TLS, or remove " + entry.getKey() + ".");
            }
        }
    }

    private static TrustSource trust(MQTlsProperties tls) {
        if (tls.getTrustCertPath() != null && tls.getTrustStore() != null) {
            throw new MQConfigurationException(
                    TRUST_STORE,
                    tls.getTrustStore(),
                    "both " + TRUST_CERT_PATH + " and " + TRUST_STORE + " are set",
                    "Trust either a PEM bundle (" + TRUST_CERT_PATH + ") or a PKCS12 trust store (" + TRUST_STORE
                            + "), not both.");
        }
        requires(TRUST_STORE_PASSWORD, hasText(tls.getTrustStorePassword()), TRUST_STORE, tls.getTrustStore() != null);
        if (tls.getTrustCertPath() != null) {
            return new TrustSource.PemBundle(readable(TRUST_CERT_PATH, tls.getTrustCertPath()));
        }
        if (tls.getTrustStore() != null) {
            return new TrustSource.Pkcs12Store(
                    readable(TRUST_STORE, tls.getTrustStore()), blankToNull(tls.getTrustStorePassword()));
        }
        return TrustSource.jdkDefault();
    }

    private static KeySource clientKey(MQTlsProperties tls) {
        boolean pem = tls.getCertPath() != null || tls.getKeyPath() != null;
        if (pem && tls.getKeyStore() != null) {
            throw new MQConfigurationException(
                    KEY_STORE,
                    tls.getKeyStore(),
                    "both " + CERT_PATH + "/" + KEY_PATH + " and " + KEY_STORE + " are set",
                    "Present either PEM files (" + CERT_PATH + " + " + KEY_PATH + ") or a PKCS12 key store ("
                            + KEY_STORE + "), not both.");
        }
        requires(CERT_PATH, tls.getCertPath() != null, KEY_PATH, tls.getKeyPath() != null);
        requires(KEY_PATH, tls.getKeyPath() != null, CERT_PATH, tls.getCertPath() != null);
        requires(KEY_PASSWORD, hasText(tls.getKeyPassword()), KEY_PATH, tls.getKeyPath() != null);
        requires(KEY_STORE_PASSWORD, hasText(tls.getKeyStorePassword()), KEY_STORE, tls.getKeyStore() != null);
        requires(KEY_STORE, tls.getKeyStore() != null, KEY_STORE_PASSWORD, hasText(tls.getKeyStorePassword()));
        if (tls.getCertPath() != null) {
            return new KeySource.Pem(
                    readable(CERT_PATH, tls.getCertPath()),
                    readable(KEY_PATH, tls.getKeyPath()),
                    blankToNull(tls.getKeyPassword()));
        }
        if (tls.getKeyStore() != null) {
            return new KeySource.Pkcs12(readable(KEY_STORE, tls.getKeyStore()), tls.getKeyStorePassword());
        }
        return null;
    }

    /** Fails naming {@code missingKey} when {@code key} is set without it: the two go together. */
    private static void requires(String key, boolean keySet, String missingKey, boolean missingSet) {
        if (keySet && !missingSet) {
            throw new MQConfigurationException(
                    missingKey,
                    "",
                    key + " is set but " + missingKey + " is not; they go together",
                    "Set " + missingKey + ", or remove " + key + ".");
        }
    }

    private static Path readable(String key, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new MQConfigurationException(
                    key,
                    file,
                    "the file " + file.toAbsolutePath() + " does not exist or cannot be read",
                    "Point " + key + " at a readable file (an absolute path is safest).");
        }
        return file;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return hasText(value) ? value : null;
    }
}
