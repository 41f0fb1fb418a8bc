package io.couriermq.broker.boot;

import io.couriermq.common.time.Clock;
import io.couriermq.console.ConsoleNameServer;
import io.couriermq.namesrv.NameServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring only: the running {@link BrokerNode} (started by {@link BrokerFirstListener} before this context was
 * built) as beans, and the broker's actuator views.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    BrokerConfigEntries brokerConfigEntries(BrokerNode node) {
        return node.config();
    }

    @Bean
    BrokerMetrics brokerMetrics(BrokerNode node) {
        return node.metrics();
    }

    /** Already running; its stop() shuts the broker down first when the context closes. */
    @Bean
    BrokerLifecycle brokerLifecycle(BrokerNode node) {
        return node.broker();
    }

    @Bean
    BrokerGauges brokerGauges(BrokerLifecycle lifecycle, BrokerMetrics metrics) {
        return new BrokerGauges(lifecycle, metrics);
    }

    @Bean
    StoreMeters storeMeters(BrokerLifecycle lifecycle) {
        return new StoreMeters(lifecycle);
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(BrokerLifecycle lifecycle) {
        return new BrokerHealthIndicator(lifecycle, Clock.system());
    }

    /** The console shows this broker's cluster through its NameServer(s), known once the broker started. */
    @Bean
    ConsoleNameServer consoleNameServer(BrokerLifecycle lifecycle) {
        return () -> lifecycle.settings() == null
                ? ""
                : String.join(";", lifecycle.settings().broker().nameServerAddresses());
    }

    @Bean
    BrokerEndpoint brokerEndpoint(BrokerLifecycle lifecycle) {
        return new BrokerEndpoint(lifecycle);
    }

    /** {@code --standalone}: a NameServer in this process, so one command gives a working node. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(BrokerArguments.STANDALONE)
    static class StandaloneNameServerConfiguration {

        @Bean
        NameServer embeddedNameServer(BrokerNode node) {
            return node.nameServer();
        }

        /** Already running; stops the NameServer after the broker when the context closes. */
        @Bean
        EmbeddedNameServerLifecycle embeddedNameServerLifecycle(BrokerNode node) {
            return node.nameServerLifecycle();
        }
    }
}
