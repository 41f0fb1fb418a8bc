package io.couriermq.broker.boot;

import io.couriermq.broker.config.InvalidConfigException;
import io.couriermq.remoting.netty.tls.TlsConfigurationException;
import io.couriermq.remoting.netty.tls.TlsProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Builds the broker's configuration from the broker.conf given with {@code -c}
 * ({@code courier.broker.config-file}) overlaid by every {@code courier.broker.<key>} property, checks
 * it once so a bad value stops start-up before anything listens, and reports each unknown key. TLS:
 * RocketMQ's {@code tls.*} keys in broker.conf, or {@code courier.tls.*} properties (which override them);
 * JVM system properties and the {@code tls.config.file} file are read beneath both.
 */
final class BrokerSettingsFactory {
    private static final Logger log = LoggerFactory.getLogger(BrokerSettingsFactory.class);
    private static final String PREFIX = "courier.broker";
    static final String ACL_FILE = "courier.acl.file";
    /** RocketMQ's tls.* keys under Spring names, shared with the NameServer application. */
    private static final String TLS_PREFIX = "courier.tls";

    private BrokerSettingsFactory() {}

    static BrokerConfigEntries read(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> entries = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        Path configFile = binder.bind(BrokerArguments.CONFIG_FILE, String.class)
                .map(Path::of)
                .orElse(null);
        if (configFile != null) {
            BrokerConfFile.read(configFile).forEach((key, value) -> {
                entries.put(key.trim(), value);
                sources.put(key.trim(), configFile.toString());
            });
            log.info("broker configuration read from {}", configFile.toAbsolutePath());
        }
        binder.bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .ifBound(overlay -> overlay.forEach((key, value) -> {
                    if (!BrokerKeys.isBootKey(key)) {
                        String brokerKey = BrokerKeys.toBrokerKey(key);
                        entries.put(brokerKey, value);
                        sources.put(brokerKey, PREFIX + "." + key);
                    }
                }));
        binder.bind(TLS_PREFIX, Bindable.mapOf(String.class, String.class))
                .ifBound(tls -> tlsKeys(tls).forEach((key, value) -> {
                    entries.put(key, value);
                    sources.put(key, TLS_PREFIX + "." + key.substring("tls.".length()));
                }));
        Path defaultStoreRoot = Path.of(environment.getProperty("user.home", "."), "couriermq", "store");
        Path aclFile = binder.bind(ACL_FILE, String.class).map(Path::of).orElse(null);
        BrokerConfigEntries config = new BrokerConfigEntries(
                entries, sources, defaultStoreRoot, defaultBrokerIp(entries), configFile, aclFile);
        config.settings();
        config.unknownKeys().forEach(key -> warnUnknown(key, sources.get(key)));
        return config;
    }

    private static Map<String, String> tlsKeys(Map<String, String> relaxed) {
        try {
            return TlsProperties.rocketMqKeys(TLS_PREFIX, relaxed);
        } catch (TlsConfigurationException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    /** Looked up only when needed: scanning interfaces is slow on some machines and pointless otherwise. */
    private static String defaultBrokerIp(Map<String, String> entries) {
        String configured = entries.get("brokerIP1");
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String address = LocalAddress.firstSiteLocalIpv4();
        if (address.equals(LocalAddress.LOOPBACK)) {
            log.info(
                    "brokerIP1 not configured and no site-local IPv4 address found: clients will be told {},"
                            + " reachable from this machine only",
                    address);
        } else {
            log.info("brokerIP1 not configured: clients will be told {} (first site-local IPv4 address)", address);
        }
        return address;
    }

    private static void warnUnknown(String key, String source) {
        String hint = BrokerKeys.closest(key)
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("");
        log.warn("unknown broker configuration key '{}' (from {}) is ignored{}", key, source, hint);
    }
}
