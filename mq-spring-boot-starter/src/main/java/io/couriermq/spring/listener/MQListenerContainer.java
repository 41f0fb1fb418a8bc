package io.couriermq.spring.listener;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.autoconfigure.ClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of one group: every listener of that group shares it, one subscription per topic. Start
 * creates and starts the client's {@link PushConsumer}; stop closes it gracefully (listener calls in
 * progress finish, offsets are committed, the group is left), and a later start makes a new one. Pause
 * keeps the queues and stops pulling.
 */
public final class MQListenerContainer {
    private static final Logger log = LoggerFactory.getLogger(MQListenerContainer.class);

    private final String id;
    private final MQListenerEndpoint settings;
    private final List<MQListenerEndpoint> endpoints;
    private final ClientSettings clientSettings;
    private final Supplier<ClientRuntime> sharedRuntime;
    private final EndpointDispatcher dispatcher;
    private final ConsumeObserver observer;
    private PushConsumer consumer;
    private ClientRuntime runtimeInUse;
    private ClientRuntime ownRuntime;
    private boolean paused;

    MQListenerContainer(
            String id,
            List<MQListenerEndpoint> endpoints,
            ClientSettings clientSettings,
            Supplier<ClientRuntime> sharedRuntime,
            EndpointDispatcher dispatcher,
            ConsumeObserver observer) {
        this.id = id;
        this.endpoints = List.copyOf(endpoints);
        this.settings = endpoints.get(0);
        this.clientSettings = clientSettings;
        this.sharedRuntime = sharedRuntime;
        this.dispatcher = dispatcher;
        this.observer = observer;
    }

    public String id() {
        return id;
    }

    public String group() {
        return settings.group();
    }

    public List<MQListenerEndpoint> endpoints() {
        return endpoints;
    }

    public boolean autoStartup() {
        return settings.autoStartup();
    }

    public synchronized boolean isRunning() {
        return consumer != null;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * The runtime the running consumer is on (the shared one, or its own when the group names other
     * NameServers or another ACL account); null while stopped.
     */
    public synchronized ClientRuntime runtime() {
        return runtimeInUse;
    }

    public synchronized void start() {
        if (consumer != null) {
            return;
        }
        ClientRuntime runtime = openRuntime();
        ConsumerConfig config = consumerConfig();
        PushConsumer created;
        if (settings.consumeMode() == ConsumeMode.ORDERLY) {
            created = PushConsumer.createOrderly(runtime, config, dispatcher::consumeOrderly);
        } else if (settings.invoker().batch()) {
            created = PushConsumer.createBatch(runtime, config, dispatcher::consumeBatch);
        } else {
            created = PushConsumer.create(runtime, config, dispatcher::consume);
        }
        for (MQListenerEndpoint endpoint : endpoints) {
            if (endpoint.selectorType() == SelectorType.SQL92) {
                created.subscribeSql(endpoint.topic(), endpoint.selectorExpression());
            } else {
                created.subscribe(endpoint.topic(), endpoint.selectorExpression());
            }
        }
        if (paused) {
            created.pause();
        }
        try {
            created.start();
        } catch (RuntimeException e) {
            created.close();
            closeOwnRuntime();
            throw e;
        }
        consumer = created;
        runtimeInUse = runtime;
        log.info("listener container {} started: group {}, topics {}", id, group(), topics());
    }

    /** Stops gracefully: calls in progress finish and offsets are committed before this returns. */
    public synchronized void stop() {
        if (consumer == null) {
            return;
        }
        PushConsumer stopping = consumer;
        consumer = null;
        runtimeInUse = null;
        try {
            stopping.close();
        } finally {
            closeOwnRuntime();
        }
        log.info("listener container {} stopped", id);
    }

    public synchronized void pause() {
        paused = true;
        if (consumer != null) {
            consumer.pause();
        }
    }

    public synchronized void resume() {
        paused = false;
        if (consumer != null) {
            consumer.resume();
        }
    }

    /** Messages not yet consumed per queue (asks the brokers); empty while stopped. */
    public Map<MessageQueue, Long> lag() {
        PushConsumer current;
        synchronized (this) {
            current = consumer;
        }
        return current == null ? Map.of() : current.lag();
    }

    public List<String> topics() {
        return endpoints.stream().map(MQListenerEndpoint::topic).toList();
    }

    /**
     * The shared runtime, unless this group names its own NameServers or signs with another account than
     * the shared runtime (a runtime signs every request with one account): then a runtime of its own.
     */
    private ClientRuntime openRuntime() {
        Credentials credentials =
                settings.credentials() != null ? settings.credentials() : clientSettings.consumerCredentials();
        boolean ownNameServer =
                settings.nameServer() != null && !settings.nameServer().isBlank();
        if (!ownNameServer) {
            ClientRuntime shared = sharedRuntime.get();
            if (Objects.equals(credentials, shared.config().credentials())) {
                return shared;
            }
        }
        ownRuntime = ClientRuntime.start(clientSettings.clientConfig(settings.nameServer(), group(), credentials));
        return ownRuntime;
    }

    private void closeOwnRuntime() {
        if (ownRuntime != null) {
            ownRuntime.close();
            ownRuntime = null;
        }
    }

    private ConsumerConfig consumerConfig() {
        ConsumerConfig.Builder builder = clientSettings
                .consumerConfig(group())
                .messageModel(
                        settings.messageModel() == MessageModel.BROADCASTING
                                ? io.couriermq.remoting.protocol.body.MessageModel.BROADCASTING
                                : io.couriermq.remoting.protocol.body.MessageModel.CLUSTERING)
                .consumeFromWhere(
                        switch (settings.consumeFromWhere()) {
                            case LAST_OFFSET -> ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
                            case FIRST_OFFSET -> ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET;
                            case TIMESTAMP -> ConsumeFromWhere.CONSUME_FROM_TIMESTAMP;
                        })
                .suspendCurrentQueueMs(settings.suspendCurrentQueueMs())
                .observer(observer);
        if (settings.consumeThreads() > 0) {
            builder.consumeThreads(settings.consumeThreads());
        }
        if (settings.maxReconsumeTimes() >= 0) {
            builder.maxReconsumeTimes(settings.maxReconsumeTimes());
        }
        if (settings.batchSize() > 1) {
            builder.consumeBatchMaxSize(settings.batchSize());
        }
        return builder.build();
    }
}
