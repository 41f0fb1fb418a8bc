package io.couriermq.spring.listener;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.spring.autoconfigure.ClientSettings;
import io.couriermq.spring.support.MQMessageConverter;
import io.couriermq.spring.support.MQProducers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every listener container of the application, by id. Containers are built once all singletons exist
 * (so every {@code @MQMessageListener} was found and checked), start at the end of the context's start-up
 * and stop first at shutdown, gracefully. Pause, resume and restart by id.
 */
public class MQListenerEndpointRegistry implements SmartInitializingSingleton, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MQListenerEndpointRegistry.class);

    /** Late start, early stop: listeners run only while everything they may call is up. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    /** What the containers are built from; given late so that the beans exist. */
    public record Parts(
            ClientSettings settings,
            Supplier<ClientRuntime> runtime,
            MQProducers producers,
            MQMessageConverter converter,
            LocalRetry localRetry,
            ConsumeObserver observer,
            ReceiveObservation observation) {}

    private final MQListenerAnnotationBeanPostProcessor finder;
    private final ConfigurableBeanFactory beanFactory;
    private final Supplier<Parts> parts;
    private final Map<String, MQListenerContainer> containers = new LinkedHashMap<>();
    private volatile boolean running;

    public MQListenerEndpointRegistry(
            MQListenerAnnotationBeanPostProcessor finder, ConfigurableBeanFactory beanFactory, Supplier<Parts> parts) {
        this.finder = finder;
        this.beanFactory = beanFactory;
        this.parts = parts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<MQListenerAnnotationBeanPostProcessor.Declared> declared = finder.declared();
        if (declared.isEmpty()) {
            return;
        }
        Parts built = parts.get();
        EndpointFactory factory = new EndpointFactory(beanFactory, built.converter());
        List<MQListenerEndpoint> endpoints = new ArrayList<>();
        declared.forEach(listener -> endpoints.add(factory.create(listener)));
        EndpointGroups.byGroup(endpoints).forEach((group, members) -> {
            String id = members.stream()
                    .map(MQListenerEndpoint::id)
                    .filter(candidate -> !candidate.isEmpty())
                    .findFirst()
                    .orElse(group);
            if (containers.containsKey(id)) {
                throw new IllegalStateException("two listener containers with id " + id);
            }
            EndpointDispatcher dispatcher = new EndpointDispatcher(
                    group, members, built.producers(), built.converter(), built.localRetry(), built.observation());
            containers.put(
                    id,
                    new MQListenerContainer(
                            id, members, built.settings(), built.runtime(), dispatcher, built.observer()));
        });
    }

    public Collection<MQListenerContainer> getListenerContainers() {
        return Collections.unmodifiableCollection(containers.values());
    }

    public MQListenerContainer getListenerContainer(String id) {
        MQListenerContainer container = containers.get(id);
        if (container == null) {
            throw new IllegalArgumentException("no listener container '" + id + "'; there are " + containers.keySet());
        }
        return container;
    }

    public void pause(String id) {
        getListenerContainer(id).pause();
    }

    public void resume(String id) {
        getListenerContainer(id).resume();
    }

    /** Stops the container gracefully and starts it again with a new consumer. */
    public void restart(String id) {
        MQListenerContainer container = getListenerContainer(id);
        container.stop();
        container.start();
    }

    @Override
    public void start() {
        for (MQListenerContainer container : containers.values()) {
            if (container.autoStartup()) {
                container.start();
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        List<MQListenerContainer> reversed = new ArrayList<>(containers.values());
        Collections.reverse(reversed);
        for (MQListenerContainer container : reversed) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                log.warn("listener container {} did not stop cleanly: {}", container.id(), e.toString());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
