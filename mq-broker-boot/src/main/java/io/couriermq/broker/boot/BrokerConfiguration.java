package io.couriermq.broker.boot;

import io.couriermq.common.time.Clock;
import io.couriermq.console.ConsoleNameServer;
import io.couriermq.namesrv.NameServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wiring only: configuration, the broker's lifecycle, its actuator views, and the standalone NameServer. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    BrokerConfigEntries brokerConfigEntries(Environment environment) {
        return BrokerSettingsFactory.read(environment);
    }

    @Bean
    BrokerMetrics brokerMetrics() {
        return new BrokerMetrics();
    }

    @Bean
    BrokerLifecycle brokerLifecycle(
            BrokerConfigEntries config, BrokerMetrics metrics, ObjectProvider<NameServer> embeddedNameServer) {
        return new BrokerLifecycle(config, metrics, embeddedNameServer.getIfAvailable());
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
    @EnableConfigurationProperties(EmbeddedNameServerProperties.class)
    static class StandaloneNameServerConfiguration {

        @Bean
        NameServer embeddedNameServer(EmbeddedNameServerProperties properties, BrokerConfigEntries config) {
            // the broker's TLS settings apply to the NameServer in its process, as to its own ports, and its
            // aclEnable to the NameServer's writes (EmbeddedNameServerAcl)
            return new NameServer(
                    properties
                            .toConfig(config.settings().tls().server())
                            .withAcl(EmbeddedNameServerAcl.follow(
                                    config.settings().acl())),
                    Clock.system());
        }

        @Bean
        EmbeddedNameServerLifecycle embeddedNameServerLifecycle(NameServer embeddedNameServer) {
            return new EmbeddedNameServerLifecycle(embeddedNameServer);
        }
    }
}
