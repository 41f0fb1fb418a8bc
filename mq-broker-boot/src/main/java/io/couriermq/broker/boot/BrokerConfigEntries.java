package io.couriermq.broker.boot;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's configuration as broker.conf entries (the file overlaid by {@code courier.broker.*}),
 * with the defaults that depend on the machine. Kept as entries rather than settings because standalone
 * mode learns the embedded NameServer's port only when it has started, after this is built.
 *
 * @param entries broker.conf key to value
 * @param sources broker.conf key to where its value came from (a file path or a property name)
 * @param configFile the broker.conf given with {@code -c}, where run-time changes are written back; null
 *     without one
 * @param aclFile {@code courier.acl.file}: the accounts file when aclEnable is on; null for RocketMQ's place
 */
record BrokerConfigEntries(
        Map<String, String> entries,
        Map<String, String> sources,
        Path defaultStoreRoot,
        String defaultBrokerIp,
        Path configFile,
        Path aclFile) {

    static final String NAMESRV_ADDR = "namesrvAddr";

    BrokerConfigEntries {
        entries = Map.copyOf(entries);
        sources = Map.copyOf(sources);
    }

    /** Entries not read from a broker.conf. */
    BrokerConfigEntries(
            Map<String, String> entries, Map<String, String> sources, Path defaultStoreRoot, String defaultBrokerIp) {
        this(entries, sources, defaultStoreRoot, defaultBrokerIp, null, null);
    }

    /**
     * The typed settings. A bad value fails with the loader's message; a store limit that does not fit
     * (IllegalArgumentException from StoreConfig) is reported the same way. Unknown keys are reported by
     * {@link BrokerSettingsFactory} with their source, so they are not handed on to be reported again.
     */
    BrokerSettings settings() {
        BrokerSettings loaded = load();
        return new BrokerSettings(
                loaded.broker(),
                loaded.store(),
                loaded.ha(),
                List.of(),
                configFile,
                loaded.acl().withAccountsFile(aclFile),
                loaded.tls());
    }

    List<String> unknownKeys() {
        return load().unknownKeys();
    }

    boolean hasNameServer() {
        String address = entries.get(NAMESRV_ADDR);
        return address != null && !address.isBlank();
    }

    /** The same configuration pointed at {@code address}, as when namesrvAddr had been configured. */
    BrokerConfigEntries withNameServer(String address, String source) {
        Map<String, String> withAddress = new TreeMap<>(entries);
        withAddress.put(NAMESRV_ADDR, address);
        Map<String, String> withSource = new TreeMap<>(sources);
        withSource.put(NAMESRV_ADDR, source);
        return new BrokerConfigEntries(withAddress, withSource, defaultStoreRoot, defaultBrokerIp, configFile, aclFile);
    }

    private BrokerSettings load() {
        try {
            return BrokerSettingsLoader.load(entries, defaultStoreRoot, defaultBrokerIp);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }
}
