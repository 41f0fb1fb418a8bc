package io.couriermq.remoting.netty.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tls.*} keys of Apache RocketMQ ({@code TlsSystemConfig}), read into our settings.
 *
 * <p>Sources, later ones overriding earlier ones: JVM system properties; the properties file named by
 * {@code tls.config.file} (default {@code /etc/rocketmq/tls.properties}, read only if it exists; an
 * explicitly named file must exist); then the server's own configuration (broker.conf, the NameServer's
 * config, {@code courier.tls.*} in the boot apps), which the caller passes in. RocketMQ ignores
 * {@code tls.enable} and {@code tls.server.mode} in the file; we accept every key there.
 *
 * <p>Keys: {@code tls.server.mode} (disabled, permissive, enforcing; our default disabled, RocketMQ's
 * permissive with a self-signed test certificate, which we do not offer: {@code tls.test.mode.enable} is
 * ignored), {@code tls.server.certPath} + {@code tls.server.keyPath} (+ {@code tls.server.keyPassword}),
 * or ours, {@code tls.server.keyStorePath} + {@code tls.server.keyStorePassword} (PKCS12);
 * {@code tls.server.need.client.auth} (none, optional, require), {@code tls.server.authClient} (false:
 * any client certificate is accepted, as RocketMQ does), {@code tls.server.trustCertPath}; for the
 * server's own outbound connections {@code tls.enable}, {@code tls.client.authServer},
 * {@code tls.client.trustCertPath}, {@code tls.client.certPath}, {@code tls.client.keyPath},
 * {@code tls.client.keyPassword}.
 */
public final class TlsProperties {
    public static final String CONFIG_FILE = "tls.config.file";
    public static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";
    public static final String SERVER_MODE = "tls.server.mode";
    public static final String SERVER_CERT_PATH = "tls.server.certPath";
    public static final String SERVER_KEY_PATH = "tls.server.keyPath";
    public static final String SERVER_KEY_PASSWORD = "tls.server.keyPassword";
    public static final String SERVER_KEY_STORE_PATH = "tls.server.keyStorePath";
    public static final String SERVER_KEY_STORE_PASSWORD = "tls.server.keyStorePassword";
    public static final String SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String SERVER_AUTH_CLIENT = "tls.server.authClient";
    public static final String SERVER_TRUST_CERT_PATH = "tls.server.trustCertPath";
    public static final String CLIENT_ENABLE = "tls.enable";
    public static final String CLIENT_AUTH_SERVER = "tls.client.authServer";
    public static final String CLIENT_TRUST_CERT_PATH = "tls.client.trustCertPath";
    public static final String CLIENT_CERT_PATH = "tls.client.certPath";
    public static final String CLIENT_KEY_PATH = "tls.client.keyPath";
    public static final String CLIENT_KEY_PASSWORD = "tls.client.keyPassword";

    /** Every key read here, {@link #CONFIG_FILE} included. */
    public static final List<String> KEYS = List.of(
            CONFIG_FILE,
            SERVER_MODE,
            SERVER_CERT_PATH,
            SERVER_KEY_PATH,
            SERVER_KEY_PASSWORD,
            SERVER_KEY_STORE_PATH,
            SERVER_KEY_STORE_PASSWORD,
            SERVER_NEED_CLIENT_AUTH,
            SERVER_AUTH_CLIENT,
            SERVER_TRUST_CERT_PATH,
            CLIENT_ENABLE,
            CLIENT_AUTH_SERVER,
            CLIENT_TRUST_CERT_PATH,
            CLIENT_CERT_PATH,
            CLIENT_KEY_PATH,
            CLIENT_KEY_PASSWORD);

    private static final Logger log = LoggerFactory.getLogger(TlsProperties.class);

    private final Map<String, String> values;

    private TlsProperties(Map<String, String> values) {
        this.values = values;
    }

    /** Exactly these values, no system properties or file: for tests and callers that merged already. */
    public static TlsProperties of(Map<String, String> values) {
        return new TlsProperties(new TreeMap<>(values));
    }

    /**
     * System properties, then the {@code tls.config.file} file, then {@code configured} (the server's own
     * configuration; only its {@code tls.*} keys are looked at).
     */
    public static TlsProperties resolve(Properties systemProperties, Map<String, String> configured) {
        Map<String, String> merged = new TreeMap<>();
        systemProperties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("tls."))
                .forEach(key -> merged.put(key, systemProperties.getProperty(key)));
        String named = configured.getOrDefault(CONFIG_FILE, merged.get(CONFIG_FILE));
        merged.putAll(readFile(named));
        configured.forEach((key, value) -> {
            if (key.startsWith("tls.") && value != null) {
                merged.put(key, value);
            }
        });
        return new TlsProperties(merged);
    }

    /**
     * The RocketMQ key a relaxed Spring-style name under {@code courier.tls} stands for:
     * {@code server.cert-path} and {@code serverCertPath} are {@code tls.server.certPath},
     * {@code server.need-client-auth} is {@code tls.server.need.client.auth}. Empty when no key matches.
     */
    public static Optional<String> keyFor(String relaxedName) {
        String wanted = canonical("tls." + relaxedName);
        return KEYS.stream().filter(key -> canonical(key).equals(wanted)).findFirst();
    }

    /**
     * Relaxed names under {@code prefix} (e.g. {@code courier.tls}: {@code server.mode} -> value) as
     * RocketMQ keys; an unknown name fails, naming the property.
     */
    public static Map<String, String> rocketMqKeys(String prefix, Map<String, String> relaxed) {
        Map<String, String> keys = new TreeMap<>();
        relaxed.forEach((name, value) -> keys.put(
                keyFor(name)
                        .orElseThrow(() -> new TlsConfigurationException("unknown TLS property " + prefix + "." + name
                                + "; known: " + String.join(", ", KEYS).replace("tls.", prefix + "."))),
                value));
        return keys;
    }

    /** Both sides at once, so every key is checked at start-up. */
    public TlsSettings settings() {
        return new TlsSettings(server(), outbound());
    }

    /** The server port's settings; a mode other than disabled needs a readable key. */
    public TlsServerSettings server() {
        TlsMode mode = TlsMode.parse(SERVER_MODE, value(SERVER_MODE, "disabled"));
        if (mode == TlsMode.DISABLED) {
            return TlsServerSettings.disabled();
        }
        ClientAuthMode auth = ClientAuthMode.parse(SERVER_NEED_CLIENT_AUTH, value(SERVER_NEED_CLIENT_AUTH, "none"));
        TrustSource trust = flag(SERVER_AUTH_CLIENT)
                ? new TrustSource.PemBundle(requiredFile(SERVER_TRUST_CERT_PATH))
                : TrustSource.anyCertificate();
        return new TlsServerSettings(mode, serverKey(mode), auth, trust);
    }

    /**
     * The server's own outbound connections (to NameServers, slave to master), as RocketMQ's server JVMs
     * make them: TLS when {@code tls.enable=true} or the server mode is enforcing; the server's chain
     * checked only with {@code tls.client.authServer=true}; the hostname never checked.
     */
    public TlsClientSettings outbound() {
        TlsMode mode = TlsMode.parse(SERVER_MODE, value(SERVER_MODE, "disabled"));
        if (!flag(CLIENT_ENABLE) && mode != TlsMode.ENFORCING) {
            return TlsClientSettings.disabled();
        }
        TrustSource trust = flag(CLIENT_AUTH_SERVER)
                ? new TrustSource.PemBundle(requiredFile(CLIENT_TRUST_CERT_PATH))
                : TrustSource.anyCertificate();
        KeySource key = values.containsKey(CLIENT_CERT_PATH) || values.containsKey(CLIENT_KEY_PATH)
                ? new KeySource.Pem(
                        requiredFile(CLIENT_CERT_PATH), requiredFile(CLIENT_KEY_PATH), blankToNull(CLIENT_KEY_PASSWORD))
                : null;
        return new TlsClientSettings(true, trust, key, false);
    }

    private KeySource serverKey(TlsMode mode) {
        if (present(SERVER_KEY_STORE_PATH)) {
            return new KeySource.Pkcs12(requiredFile(SERVER_KEY_STORE_PATH), blankToNull(SERVER_KEY_STORE_PASSWORD));
        }
        if (!present(SERVER_CERT_PATH) && !present(SERVER_KEY_PATH)) {
            throw new TlsConfigurationException(SERVER_MODE + "=" + mode.name().toLowerCase(Locale.ROOT)
                    + " needs a server key: set " + SERVER_CERT_PATH + " and " + SERVER_KEY_PATH + " (PEM), or "
                    + SERVER_KEY_STORE_PATH + " (PKCS12)");
        }
        return new KeySource.Pem(
                requiredFile(SERVER_CERT_PATH), requiredFile(SERVER_KEY_PATH), blankToNull(SERVER_KEY_PASSWORD));
    }

    private Path requiredFile(String key) {
        if (!present(key)) {
            throw new TlsConfigurationException(key + " is not set");
        }
        Path path = Path.of(values.get(key).trim());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new TlsConfigurationException(
                    key + "=" + values.get(key) + ": " + path.toAbsolutePath() + " does not exist or is not readable");
        }
        return path;
    }

    private static Map<String, String> readFile(String named) {
        Path path = Path.of(named == null ? DEFAULT_CONFIG_FILE : named);
        Map<String, String> read = new TreeMap<>();
        if (named == null && !Files.exists(path)) {
            return read;
        }
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            file.load(reader);
        } catch (IOException e) {
            throw new TlsConfigurationException(CONFIG_FILE + "=" + path + ": cannot read the file: " + e, e);
        }
        file.stringPropertyNames()
                .forEach(key -> read.put(key, file.getProperty(key).trim()));
        log.info("TLS settings read from {} ({} keys)", path, read.size());
        return read;
    }

    private static String canonical(String key) {
        return key.replace("-", "").replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
    }

    private String value(String key, String fallback) {
        return present(key) ? values.get(key).trim() : fallback;
    }

    private boolean flag(String key) {
        return Boolean.parseBoolean(value(key, "false"));
    }

    private boolean present(String key) {
        String value = values.get(key);
        return value != null && !value.isBlank();
    }

    private String blankToNull(String key) {
        return present(key) ? values.get(key) : null;
    }
}
