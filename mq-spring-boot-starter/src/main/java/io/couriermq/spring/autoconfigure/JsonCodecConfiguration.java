package io.couriermq.spring.autoconfigure;

import io.couriermq.spring.support.Jackson2JsonCodec;
import io.couriermq.spring.support.Jackson3JsonCodec;
import io.couriermq.spring.support.JsonCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The JSON codec for payloads: the application's Jackson 3 {@code JsonMapper} by default, its Jackson 2
 * {@code ObjectMapper} with {@code courier.preferred-json-mapper=jackson2} (or when only Jackson 2 is
 * present), so the application's modules and settings (java.time, naming) apply to messages too.
 */
@Configuration(proxyBeanMethods = false)
@Import({JsonCodecConfiguration.Jackson3.class, JsonCodecConfiguration.Jackson2.class})
class JsonCodecConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
    @ConditionalOnProperty(
            prefix = "courier",
            name = "preferred-json-mapper",
            havingValue = "jackson",
            matchIfMissing = true)
    static class Jackson3 {
        @Bean
        @ConditionalOnMissingBean(JsonCodec.class)
        JsonCodec courierJsonCodec(ObjectProvider<tools.jackson.databind.json.JsonMapper> mapper) {
            return new Jackson3JsonCodec(mapper.getIfAvailable(() -> tools.jackson.databind.json.JsonMapper.builder()
                    .findAndAddModules()
                    .build()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
    static class Jackson2 {
        @Bean
        @ConditionalOnMissingBean(JsonCodec.class)
        JsonCodec courierJsonCodec(ObjectProvider<com.fasterxml.jackson.databind.ObjectMapper> mapper) {
            return new Jackson2JsonCodec(mapper.getIfAvailable(
                    () -> new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()));
        }
    }
}
