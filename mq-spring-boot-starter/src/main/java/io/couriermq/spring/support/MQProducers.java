package io.couriermq.spring.support;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.client.producer.TransactionProducer;
import io.couriermq.spring.core.MQLocalTransactionListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers of one application on its shared runtime: the template's default group, and one
 * transactional producer per group that has a transaction listener (the default group's producer is
 * transactional itself when it has one). Closed before the runtime. Producers with credentials of their
 * own ({@code courier.producer.access-key}) run on a runtime of their own, which closes with them.
 */
public final class MQProducers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MQProducers.class);

    private final ClientRuntime runtime;
    private final boolean ownsRuntime;
    private final String defaultGroup;
    private final Producer defaultProducer;
    private final Map<String, TransactionProducer> transactional;

    public MQProducers(
            ClientRuntime runtime,
            String defaultGroup,
            Function<String, ProducerConfig> configs,
            ProducerObserver observer,
            Map<String, MQLocalTransactionListener> listenersByGroup) {
        this(runtime, false, defaultGroup, configs, observer, listenersByGroup);
    }

    /** As the other constructor; {@code ownsRuntime}: {@link #close()} closes {@code runtime} too. */
    public MQProducers(
            ClientRuntime runtime,
            boolean ownsRuntime,
            String defaultGroup,
            Function<String, ProducerConfig> configs,
            ProducerObserver observer,
            Map<String, MQLocalTransactionListener> listenersByGroup) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.defaultGroup = defaultGroup;
        Map<String, TransactionProducer> started = new LinkedHashMap<>();
        for (Map.Entry<String, MQLocalTransactionListener> entry : listenersByGroup.entrySet()) {
            started.put(
                    entry.getKey(),
                    TransactionProducer.start(
                            runtime,
                            configs.apply(entry.getKey()),
                            new TransactionListenerAdapter(entry.getValue()),
                            observer));
        }
        this.transactional = Collections.unmodifiableMap(started);
        Producer shared = started.get(defaultGroup);
        this.defaultProducer = shared != null ? shared : Producer.start(runtime, configs.apply(defaultGroup), observer);
    }

    /** The runtime the producers run on: the shared one, or their own. */
    public ClientRuntime runtime() {
        return runtime;
    }

    public String defaultGroup() {
        return defaultGroup;
    }

    public Producer defaultProducer() {
        return defaultProducer;
    }

    /** The transactional producer of {@code group}; fails with the groups that have a listener. */
    public TransactionProducer transactional(String group) {
        TransactionProducer producer = transactional.get(group);
        if (producer == null) {
            throw new IllegalStateException("no @MQTransactionListener bean for producer group '" + group
                    + "'; groups with one: " + transactional.keySet()
                    + ". Annotate an MQLocalTransactionListener bean with @MQTransactionListener(producerGroup = \""
                    + group + "\").");
        }
        return producer;
    }

    public Set<String> transactionalGroups() {
        return transactional.keySet();
    }

    /** Every producer group in use, the default first. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add(defaultGroup);
        transactional.keySet().stream().filter(g -> !g.equals(defaultGroup)).forEach(groups::add);
        return groups;
    }

    @Override
    public void close() {
        for (TransactionProducer producer : transactional.values()) {
            closeQuietly(producer);
        }
        if (!transactional.containsKey(defaultGroup)) {
            closeQuietly(defaultProducer);
        }
        if (ownsRuntime) {
            runtime.close();
        }
    }

    private static void closeQuietly(Producer producer) {
        try {
            producer.close();
        } catch (RuntimeException e) {
            log.warn("closing producer {} failed: {}", producer.config().group(), e.toString());
        }
    }
}
