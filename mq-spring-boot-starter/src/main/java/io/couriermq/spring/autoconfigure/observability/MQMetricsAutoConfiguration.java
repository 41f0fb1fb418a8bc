package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the CourierMQ client: send and listener timers (the observers are handed to the
 * producers and containers by {@link MQAutoConfiguration}) and a lag gauge per listener container. Topics
 * are a tag, so the number of distinct topics per timer is capped at {@link #MAX_TOPICS}: an application
 * that sends to per-tenant or per-entity topics must not grow the registry without bound. Retry topics
 * ({@code %RETRY%group}) keep their own name; they are bounded by the number of groups.
 */
@AutoConfiguration(
        after = MQAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ClientRuntime.class, MeterRegistry.class})
public final class MQMetricsAutoConfiguration {
    /** Distinct topic tag values per timer; meters of further topics are not recorded. */
    public static final int MAX_TOPICS = 1000;

    MQMetricsAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    MQProducerMetrics courierProducerMetrics(MeterRegistry registry) {
        return new MQProducerMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    MQConsumeMetrics courierConsumeMetrics(MeterRegistry registry) {
        return new MQConsumeMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ListenerLagMetrics courierListenerLagMetrics(
            MeterRegistry registry, ObjectProvider<MQListenerEndpointRegistry> listeners) {
        return new ListenerLagMetrics(registry, listeners);
    }

    @Bean
    static MeterFilter courierProducerTopicLimit() {
        return MeterFilter.maximumAllowableTags(MQProducerMetrics.SEND, "topic", MAX_TOPICS, MeterFilter.deny());
    }

    @Bean
    static MeterFilter courierConsumeTopicLimit() {
        return MeterFilter.maximumAllowableTags(MQConsumeMetrics.CONSUME, "topic", MAX_TOPICS, MeterFilter.deny());
    }
}
