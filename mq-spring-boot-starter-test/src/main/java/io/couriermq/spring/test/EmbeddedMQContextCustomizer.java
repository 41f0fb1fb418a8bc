package io.couriermq.spring.test;

import io.couriermq.test.EmbeddedCluster;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the cluster of one {@link EmbeddedMQ} before the context refreshes, puts its NameServer address
 * first among the property sources, and closes it when the context closes. Equal annotations give equal
 * customizers, so the test framework caches (and shares) the context with its cluster.
 */
final class EmbeddedMQContextCustomizer implements ContextCustomizer {
    static final String BEAN_NAME = "embeddedMQCluster";

    private final int brokers;
    private final List<String> topics;
    private final List<String> brokerProperties;
    private final String nameServerProperty;

    EmbeddedMQContextCustomizer(EmbeddedMQ annotation) {
        this.brokers = annotation.brokers();
        this.topics = List.of(annotation.topics());
        this.brokerProperties = List.of(annotation.brokerProperties());
        this.nameServerProperty = annotation.nameServerProperty();
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        EmbeddedCluster.Builder builder =
                EmbeddedCluster.builder().brokers(brokers).brokerSetting("enablePropertyFilter", "true");
        for (String entry : brokerProperties) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "@EmbeddedMQ brokerProperties entry must be key=value, was '" + entry + "'");
            }
            builder.brokerSetting(
                    entry.substring(0, equals).trim(),
                    entry.substring(equals + 1).trim());
        }
        EmbeddedCluster cluster = builder.start();
        try {
            for (String topic : topics) {
                String[] parts = topic.split(":");
                cluster.createTopic(parts[0].trim(), parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 4);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("embeddedMQ", Map.of(nameServerProperty, cluster.nameServerAddress())));
        context.getBeanFactory().registerSingleton(BEAN_NAME, cluster);
        // registered before every other bean, so destroyed after them all: listeners stop first, quietly
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, cluster::close);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedMQContextCustomizer that
                && brokers == that.brokers
                && topics.equals(that.topics)
                && brokerProperties.equals(that.brokerProperties)
                && nameServerProperty.equals(that.nameServerProperty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokers, topics, brokerProperties, nameServerProperty);
    }

    @Override
    public String toString() {
        return "EmbeddedMQ[brokers=" + brokers + ", topics=" + topics + ", brokerProperties=" + brokerProperties + "]";
    }
}
