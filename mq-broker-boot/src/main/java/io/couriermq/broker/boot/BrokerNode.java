package io.couriermq.broker.boot;

import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.env.Environment;

/**
 * What this process serves on the RocketMQ ports: the broker and, with {@code --standalone}, its
 * NameServer, built and started from the environment alone. {@link BrokerFirstListener} starts it as soon
 * as Spring Boot has read the configuration, before the web server and the actuator are built, so the
 * ports open and the broker registers in a fraction of the application's start-up time; the context
 * then adopts the running parts as beans (their lifecycles stop them on close).
 *
 * @param config the broker's configuration, as read and checked
 * @param metrics the observer of the broker's sends and pulls (meters once the registry is bound)
 * @param nameServer the standalone NameServer; null without {@code --standalone}
 * @param nameServerLifecycle stops the standalone NameServer; null without one
 * @param broker the started broker
 */
record BrokerNode(
        BrokerConfigEntries config,
        BrokerMetrics metrics,
        NameServer nameServer,
        EmbeddedNameServerLifecycle nameServerLifecycle,
        BrokerLifecycle broker) {
    private static final Logger log = LoggerFactory.getLogger(BrokerNode.class);
    private static final Duration FIRST_REGISTRATION_WAIT = Duration.ofSeconds(3);

    /**
     * Reads the configuration, starts the NameServer (standalone only) and then the broker. A bad key
     * fails here, before any port opens; a broker that fails to start takes its NameServer down with it.
     */
    static BrokerNode start(Environment environment) {
        BrokerConfigEntries config = BrokerSettingsFactory.read(environment);
        BrokerMetrics metrics = new BrokerMetrics();
        NameServer nameServer = standalone(environment) ? embeddedNameServer(environment, config) : null;
        EmbeddedNameServerLifecycle nameServerLifecycle =
                nameServer == null ? null : new EmbeddedNameServerLifecycle(nameServer);
        BrokerLifecycle broker = new BrokerLifecycle(config, metrics, nameServer);
        if (nameServerLifecycle != null) {
            nameServerLifecycle.start();
        }
        try {
            broker.start();
            awaitFirstRegistration(broker);
        } catch (RuntimeException | Error e) {
            if (nameServerLifecycle != null) {
                nameServerLifecycle.stop();
            }
            throw e;
        }
        return new BrokerNode(config, metrics, nameServer, nameServerLifecycle, broker);
    }

    /**
     * Gives the broker's first registration (already under way on the registrar's thread) a moment to
     * finish before Spring builds the rest: that build loads thousands of classes on this thread and would
     * otherwise hold up the registration by seconds on a small machine, while clients can route to the
     * broker only once it is registered. RocketMQ's broker registers synchronously at start, too.
     */
    private static void awaitFirstRegistration(BrokerLifecycle broker) {
        if (broker.settings().broker().nameServerAddresses().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + FIRST_REGISTRATION_WAIT.toNanos();
        while (broker.broker().registrar().lastSuccessMillis().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                log.info(
                        "not registered with a NameServer within {} ms of start; the registrar keeps trying",
                        FIRST_REGISTRATION_WAIT.toMillis());
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** Stops the broker first (its goodbye reaches the NameServer), then the NameServer; repeatable. */
    void stop() {
        broker.stop();
        if (nameServerLifecycle != null) {
            nameServerLifecycle.stop();
        }
    }

    static boolean standalone(Environment environment) {
        return Binder.get(environment)
                .bind(BrokerArguments.STANDALONE, Boolean.class)
                .orElse(false);
    }

    /** {@code courier.namesrv.*} as the NameServer application reads it: a mistyped key fails start-up. */
    static NameServer embeddedNameServer(Environment environment, BrokerConfigEntries config) {
        EmbeddedNameServerProperties properties = Binder.get(environment)
                .bindOrCreate(
                        EmbeddedNameServerProperties.PREFIX,
                        Bindable.of(EmbeddedNameServerProperties.class),
                        new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        // the broker's TLS settings apply to the NameServer in its process, as to its own ports, and its
        // aclEnable to the NameServer's writes (EmbeddedNameServerAcl)
        return new NameServer(
                properties
                        .toConfig(config.settings().tls().server())
                        .withAcl(EmbeddedNameServerAcl.follow(config.settings().acl())),
                Clock.system());
    }
}
