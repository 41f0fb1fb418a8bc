package io.couriermq.broker.subscription;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.topic.ResourceNames;
import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.body.SubscriptionGroupWrapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups' broker-side settings (retry queues, retry limit, whether members are notified of
 * changes), persisted as one JSON file. With {@code autoCreateSubscriptionGroup} a group is created
 * with the official defaults the first time a consumer uses it, which is how most groups come to
 * exist; admin tools can create, change and delete them too. Every change bumps the data version and
 * is written to disk before the call returns.
 */
public final class SubscriptionGroupManager {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroupManager.class);
    private static final int MAX_GROUP_NAME_LENGTH = 255;

    private volatile boolean autoCreate;
    private final Clock clock;
    private final AtomicJsonFile file;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion;

    public SubscriptionGroupManager(BrokerConfig config, Path configDir, Clock clock) {
        this.autoCreate = config.autoCreateSubscriptionGroup();
        this.clock = clock;
        this.file = new AtomicJsonFile(configDir.resolve("subscriptionGroups.json"));
        this.dataVersion = new DataVersion(clock.millis(), 0, 0);
        load();
    }

    /** autoCreateSubscriptionGroup in force; it may change at run time. */
    public void autoCreate(boolean enabled) {
        this.autoCreate = enabled;
    }

    public Optional<SubscriptionGroupConfig> find(String group) {
        return group == null ? Optional.empty() : Optional.ofNullable(groups.get(group));
    }

    /**
     * The group's config, created with the defaults when it does not exist and auto-creation is on.
     * Empty when it does not exist and may not be created (auto-creation off, or an invalid name).
     */
    public Optional<SubscriptionGroupConfig> findOrAutoCreate(String group) {
        Optional<SubscriptionGroupConfig> existing = find(group);
        if (existing.isPresent() || !autoCreate) {
            return existing;
        }
        String problem = problemWith(group);
        if (problem != null) {
            log.warn("not auto-creating subscription group: {}", problem);
            return Optional.empty();
        }
        synchronized (this) {
            SubscriptionGroupConfig raced = groups.get(group);
            if (raced != null) {
                return Optional.of(raced);
            }
            SubscriptionGroupConfig created = SubscriptionGroupConfig.defaults(group);
            changed(() -> groups.put(group, created));
            log.info("subscription group {} auto-created", group);
            return Optional.of(created);
        }
    }

    /** Creates or replaces a group (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP). */
    public SubscriptionGroupConfig createOrUpdate(SubscriptionGroupConfig config) {
        String problem = problemWith(config.groupName());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        changed(() -> groups.put(config.groupName(), config));
        log.info("subscription group {} created or updated", config.groupName());
        return config;
    }

    public boolean delete(String group) {
        if (group == null || !groups.containsKey(group)) {
            return false;
        }
        changed(() -> groups.remove(group));
        log.info("subscription group {} deleted", group);
        return true;
    }

    /** Whether the group's members are told when it changes; true for unknown groups, as by default. */
    public boolean notifyConsumerIdsChangedEnabled(String group) {
        return find(group)
                .map(SubscriptionGroupConfig::notifyConsumerIdsChangedEnable)
                .orElse(true);
    }

    /** A consistent copy of every group with the version it belongs to (GET_ALL_SUBSCRIPTIONGROUP_CONFIG). */
    public synchronized SubscriptionGroupWrapper snapshot() {
        return new SubscriptionGroupWrapper(new TreeMap<>(groups), dataVersion);
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /**
     * A slave takes its master's groups and data version (GET_ALL_SUBSCRIPTIONGROUP_CONFIG), unless the
     * version is the one it already has. Persisted before it returns. Returns whether they were replaced.
     */
    public boolean replaceAll(SubscriptionGroupWrapper master) {
        if (master.dataVersion() == null) {
            throw new IllegalArgumentException("the master's subscription groups have no data version");
        }
        synchronized (this) {
            if (master.dataVersion().equals(dataVersion)) {
                return false;
            }
            groups.keySet().retainAll(master.subscriptionGroupTable().keySet());
            groups.putAll(master.subscriptionGroupTable());
            dataVersion = master.dataVersion();
            file.write(new SubscriptionGroupWrapper(new TreeMap<>(groups), dataVersion));
        }
        log.info("subscription groups replaced by the master's: {} groups, version {}", groups.size(), dataVersion);
        return true;
    }

    /** Why {@code group} is not a valid group name, or null when it is (the official client's rule). */
    public static String problemWith(String group) {
        return ResourceNames.problemWith("group", group, MAX_GROUP_NAME_LENGTH);
    }

    private synchronized void changed(Runnable change) {
        change.run();
        dataVersion = new DataVersion(clock.millis(), dataVersion.counter() + 1, dataVersion.stateVersion());
        file.write(new SubscriptionGroupWrapper(new TreeMap<>(groups), dataVersion));
    }

    private void load() {
        file.read(SubscriptionGroupWrapper.class).ifPresent(stored -> {
            groups.putAll(stored.subscriptionGroupTable());
            if (stored.dataVersion() != null) {
                dataVersion = stored.dataVersion();
            }
            log.info("loaded {} subscription groups from {}", groups.size(), file.path());
        });
    }
}
