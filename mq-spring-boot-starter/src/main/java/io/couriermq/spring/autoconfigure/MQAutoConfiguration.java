package io.couriermq.spring.autoconfigure;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.LocalRetry;
import io.couriermq.spring.listener.MQListenerAnnotationBeanPostProcessor;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.listener.ReceiveObservation;
import io.couriermq.spring.support.JsonCodec;
import io.couriermq.spring.support.MQMessageConverter;
import io.couriermq.spring.support.MQProducers;
import io.couriermq.spring.support.SendObservation;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The CourierMQ client for a Spring application: one {@link ClientRuntime} (connections, routes,
 * heartbeats) shared by the {@link MQTemplate}'s producers and every listener container. A missing or bad
 * {@code courier.*} setting fails start-up with the key named ({@link MQConfigurationFailureAnalyzer}),
 * never a silently missing template.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration"
        })
@ConditionalOnClass(ClientRuntime.class)
@ConditionalOnProperty(prefix = "courier", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MQProperties.class)
@Import({JsonCodecConfiguration.class, TransactionListeners.class})
public final class MQAutoConfiguration {

    MQAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    MQConnectionDetails courierConnectionDetails(MQProperties properties) {
        return new PropertiesMQConnectionDetails(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ClientSettings courierClientSettings(MQProperties properties, MQConnectionDetails connection) {
        return new ClientSettings(properties, connection);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ClientRuntime courierClientRuntime(ClientSettings settings) {
        settings.validate();
        return ClientRuntime.start(settings.clientConfig(null, null));
    }

    @Bean
    @ConditionalOnMissingBean
    MQMessageConverter courierMessageConverter(JsonCodec json) {
        return new MQMessageConverter(json);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MQProducers courierProducers(
            ClientRuntime runtime,
            ClientSettings settings,
            ObjectProvider<ProducerObserver> observers,
            TransactionListeners transactionListeners) {
        String defaultGroup = settings.properties().getProducer().getGroup();
        // a runtime signs with one account: producers with another one get a runtime of their own
        Credentials credentials = settings.producerCredentials();
        boolean ownRuntime = !Objects.equals(credentials, runtime.config().credentials());
        ClientRuntime producerRuntime =
                ownRuntime ? ClientRuntime.start(settings.clientConfig(null, "producer", credentials)) : runtime;
        try {
            return new MQProducers(
                    producerRuntime,
                    ownRuntime,
                    defaultGroup,
                    settings::producerConfig,
                    Observers.producer(observers.orderedStream().toList()),
                    transactionListeners.byGroup(defaultGroup));
        } catch (RuntimeException e) {
            if (ownRuntime) {
                producerRuntime.close();
            }
            throw e;
        }
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(name = "courierCallbackExecutor")
    ExecutorService courierCallbackExecutor() {
        return CallbackExecutors.create();
    }

    @Bean
    @ConditionalOnMissingBean
    MQTemplate mqTemplate(
            MQProducers producers,
            MQMessageConverter converter,
            ApplicationContext context,
            ObjectProvider<SendObservation> observation) {
        return new MQTemplate(
                producers,
                converter,
                context.getBean("courierCallbackExecutor", ExecutorService.class),
                observation.getIfAvailable(() -> SendObservation.NONE));
    }

    @Bean
    static MQListenerAnnotationBeanPostProcessor courierListenerAnnotationBeanPostProcessor() {
        return new MQListenerAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    MQListenerEndpointRegistry courierListenerEndpointRegistry(
            MQListenerAnnotationBeanPostProcessor finder,
            ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<ClientSettings> settings,
            ObjectProvider<ClientRuntime> runtime,
            ObjectProvider<MQProducers> producers,
            ObjectProvider<MQMessageConverter> converter,
            ObjectProvider<ConsumeObserver> consumeObservers,
            ObjectProvider<ReceiveObservation> receiveObservation) {
        return new MQListenerEndpointRegistry(finder, beanFactory, () -> {
            ClientSettings clientSettings = settings.getObject();
            MQConsumerProperties.LocalRetry retry =
                    clientSettings.properties().getConsumer().getLocalRetry();
            return new MQListenerEndpointRegistry.Parts(
                    clientSettings,
                    runtime::getObject,
                    producers.getObject(),
                    converter.getObject(),
                    new LocalRetry(
                            retry.getMaxAttempts(),
                            retry.getInitialInterval(),
                            retry.getMultiplier(),
                            retry.getMaxInterval()),
                    Observers.consume(consumeObservers.orderedStream().toList()),
                    receiveObservation.getIfAvailable(() -> ReceiveObservation.NONE));
        });
    }
}
