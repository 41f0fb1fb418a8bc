package io.couriermq.broker.topic;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topics, persisted as one JSON file. Every change bumps the data version (which tells
 * NameServers to re-read the table), is written to disk before it is visible to the listener, and
 * notifies listeners so the broker re-registers at once instead of at its next period.
 */
public final class TopicConfigManager {
    private static final Logger log = LoggerFactory.getLogger(TopicConfigManager.class);

    private final BrokerConfig config;
    private final Clock clock;
    private final AtomicJsonFile file;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile DataVersion dataVersion;

    public TopicConfigManager(BrokerConfig config, Path configDir, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.file = new AtomicJsonFile(configDir.resolve("topics.json"));
        this.dataVersion = new DataVersion(clock.millis(), 0, 0);
        load();
        ensureSystemTopics();
    }

    /** Called after every change, outside any lock. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public Optional<TopicConfig> find(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    /** A consistent copy of every topic with the version it belongs to. */
    public synchronized TopicConfigSerializeWrapper snapshot() {
        return new TopicConfigSerializeWrapper(new TreeMap<>(topics), dataVersion);
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /**
     * Queues one topic may have. Routes, rebalancing and offsets do work per queue, so a fuzzed
     * UPDATE_AND_CREATE_TOPIC with 1,427,382,596 read queues stalled the broker's admin requests for over a
     * minute; no real topic comes near this bound.
     */
    public static final int MAX_QUEUE_NUMS = 65_536;

    /** Creates or replaces a topic (UPDATE_AND_CREATE_TOPIC). */
    public TopicConfig createOrUpdate(TopicConfig topic) {
        check(topic);
        changed(() -> topics.put(topic.topicName(), topic));
        log.info(
                "topic {} created or updated: {} read / {} write queues, perm {}",
                topic.topicName(),
                topic.readQueueNums(),
                topic.writeQueueNums(),
                topic.perm());
        return topic;
    }

    /**
     * Creates or replaces many topics as one change: one write of the table, one new data version, one
     * registration. All are checked first, so a bad one leaves every topic as it was.
     */
    public void createOrUpdateAll(Collection<TopicConfig> batch) {
        batch.forEach(TopicConfigManager::check);
        changed(() -> batch.forEach(topic -> topics.put(topic.topicName(), topic)));
        log.info("{} topics created or updated at once", batch.size());
    }

    private static void check(TopicConfig topic) {
        String problem = TopicNames.problemWith(topic.topicName());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (topic.readQueueNums() < 1 || topic.writeQueueNums() < 1) {
            throw new IllegalArgumentException(
                    "topic " + topic.topicName() + " needs at least one read and one write queue");
        }
        if (topic.readQueueNums() > MAX_QUEUE_NUMS || topic.writeQueueNums() > MAX_QUEUE_NUMS) {
            throw new IllegalArgumentException("topic " + topic.topicName() + ": at most " + MAX_QUEUE_NUMS
                    + " read and write queues, was " + topic.readQueueNums() + " / " + topic.writeQueueNums());
        }
        if (topic.perm() < 0 || topic.perm() > 7) {
            throw new IllegalArgumentException(
                    "topic " + topic.topicName() + ": perm must be 0..7, was " + topic.perm());
        }
    }

    /**
     * Creates a producer's unknown topic from a template that allows it (TBW102 with the inherit bit):
     * as many queues as asked, but no more than the template has, and the template's permission
     * without the inherit bit. Empty when auto-creation is not possible.
     */
    public Optional<TopicConfig> autoCreate(String topic, String templateTopic, int requestedQueues) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return Optional.of(existing);
        }
        TopicConfig template = topics.get(templateTopic);
        if (template == null || !Permission.isInherited(template.perm()) || TopicNames.problemWith(topic) != null) {
            return Optional.empty();
        }
        int queues = Math.max(1, Math.min(requestedQueues, template.writeQueueNums()));
        synchronized (this) {
            TopicConfig raced = topics.get(topic);
            if (raced != null) {
                return Optional.of(raced);
            }
            return Optional.of(createOrUpdate(new TopicConfig(
                    topic,
                    queues,
                    queues,
                    template.perm() & ~Permission.INHERIT,
                    template.topicFilterType(),
                    0,
                    false,
                    Map.of())));
        }
    }

    /** The retry topic of a consumer group, created on first use with one queue. */
    public TopicConfig retryTopicOf(String group) {
        return ensure(TopicNames.retryTopicOf(group), 1, Permission.READ_WRITE);
    }

    /** The dead-letter topic of a consumer group, created on first use with one queue. */
    public TopicConfig deadLetterTopicOf(String group) {
        return ensure(TopicNames.dlqTopicOf(group), 1, Permission.READ_WRITE);
    }

    public boolean delete(String topic) {
        if (!topics.containsKey(topic)) {
            return false;
        }
        changed(() -> topics.remove(topic));
        log.info("topic {} deleted", topic);
        return true;
    }

    /**
     * A slave takes its master's whole table and data version (GET_ALL_TOPIC_CONFIG), unless the version
     * is the one it already has. Persisted before it returns, then listeners are told. Returns whether
     * the table was replaced.
     */
    public boolean replaceAll(TopicConfigSerializeWrapper master) {
        if (master.dataVersion() == null) {
            throw new IllegalArgumentException("the master's topic table has no data version");
        }
        synchronized (this) {
            if (master.dataVersion().equals(dataVersion)) {
                return false;
            }
            // removed first, then put: a reader never misses a topic both tables have
            topics.keySet().retainAll(master.topicConfigTable().keySet());
            topics.putAll(master.topicConfigTable());
            dataVersion = master.dataVersion();
            file.write(new TopicConfigSerializeWrapper(new TreeMap<>(topics), dataVersion));
        }
        log.info("topic table replaced by the master's: {} topics, version {}", topics.size(), dataVersion);
        changeListeners.forEach(Runnable::run);
        return true;
    }

    private TopicConfig ensure(String topic, int queues, int perm) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            TopicConfig raced = topics.get(topic);
            return raced != null
                    ? raced
                    : createOrUpdate(new TopicConfig(topic, queues, queues, perm, "SINGLE_TAG", 0, false, Map.of()));
        }
    }

    /**
     * A new data version for the same topics, so the NameServers take the next registration's table
     * (which the broker's permission masks) instead of skipping it as unchanged; registers at once.
     */
    public void bumpDataVersion() {
        changed(() -> {});
    }

    private void changed(Runnable change) {
        synchronized (this) {
            change.run();
            dataVersion = new DataVersion(clock.millis(), dataVersion.counter() + 1, dataVersion.stateVersion());
            file.write(new TopicConfigSerializeWrapper(new TreeMap<>(topics), dataVersion));
        }
        changeListeners.forEach(Runnable::run);
    }

    private void load() {
        file.read(TopicConfigSerializeWrapper.class).ifPresent(stored -> {
            topics.putAll(stored.topicConfigTable());
            if (stored.dataVersion() != null) {
                dataVersion = stored.dataVersion();
            }
            log.info("loaded {} topics from {}", topics.size(), file.path());
        });
    }

    /** Topics every broker has, as on RocketMQ: the self-test topic, cluster and broker topics, and TBW102. */
    private void ensureSystemTopics() {
        int all = config.brokerPermission();
        putIfAbsent(
                new TopicConfig(TopicNames.SELF_TEST, 1, 1, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of()));
        putIfAbsent(new TopicConfig(
                config.brokerClusterName(), 16, 16, all | Permission.INHERIT, "SINGLE_TAG", 0, false, Map.of()));
        putIfAbsent(
                new TopicConfig(config.brokerName(), 1, 1, all | Permission.INHERIT, "SINGLE_TAG", 0, false, Map.of()));
        putIfAbsent(new TopicConfig(
                TopicNames.OFFSET_MOVED_EVENT, 1, 1, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of()));
        autoCreateTemplate(config.autoCreateTopicEnable());
    }

    /**
     * Adds TBW102 (the template producers auto-create topics from) when auto-creation is on, removes it
     * when off; at start-up and when autoCreateTopicEnable changes at run time.
     */
    public void autoCreateTemplate(boolean enabled) {
        if (enabled) {
            int queues = config.defaultTopicQueueNums();
            putIfAbsent(new TopicConfig(
                    TopicNames.AUTO_CREATE_TEMPLATE,
                    queues,
                    queues,
                    Permission.READ_WRITE | Permission.INHERIT,
                    "SINGLE_TAG",
                    0,
                    false,
                    Map.of()));
        } else if (topics.containsKey(TopicNames.AUTO_CREATE_TEMPLATE)) {
            // Without the template, producers' unknown topics fail on the client, as autoCreateTopicEnable=false means.
            changed(() -> topics.remove(TopicNames.AUTO_CREATE_TEMPLATE));
        }
    }

    private void putIfAbsent(TopicConfig topic) {
        if (!topics.containsKey(topic.topicName())) {
            changed(() -> topics.put(topic.topicName(), topic));
        }
    }
}
