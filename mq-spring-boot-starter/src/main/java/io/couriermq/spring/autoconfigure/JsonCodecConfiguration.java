package io.couriermq.spring.autoconfigure;

import io.couriermq.spring.support.JsonCodec;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The JSON codec for payloads: the application's Jackson 3 {@code JsonMapper} by default, its Jackson 2
 * {@code ObjectMapper} with {@code courier.preferred-json-mapper=jackson2} (or when only Jackson 2 is
 * present), so the application's modules and settings (java.time, naming) apply to messages too. The
 * Jackson types are touched only by the codec chosen, so either library may be absent.
 */
@Configuration(proxyBeanMethods = false)
class JsonCodecConfiguration {
    static final String KEY = "courier.preferred-json-mapper";
    private static final String JACKSON3 = "tools.jackson.databind.json.JsonMapper";
    private static final String JACKSON2 = "com.fasterxml.jackson.databind.ObjectMapper";

    @Bean
    @ConditionalOnMissingBean
    JsonCodec courierJsonCodec(MQProperties properties, ListableBeanFactory beans) {
        String preferred = properties.getPreferredJsonMapper();
        ClassLoader loader = getClass().getClassLoader();
        boolean jackson3 = ClassUtils.isPresent(JACKSON3, loader);
        boolean jackson2 = ClassUtils.isPresent(JACKSON2, loader);
        if ("jackson2".equals(preferred)) {
            if (!jackson2) {
                throw new MQConfigurationException(
                        KEY, preferred, "Jackson 2 is not on the classpath", "Add jackson-databind 2, or use jackson.");
            }
            return io.couriermq.spring.support.Jackson2JsonCodec.from(beans);
        }
        if (!"jackson".equals(preferred)) {
            throw new MQConfigurationException(
                    KEY, preferred, "must be jackson or jackson2", "Use jackson (Jackson 3) or jackson2.");
        }
        if (jackson3) {
            return io.couriermq.spring.support.Jackson3JsonCodec.from(beans);
        }
        if (jackson2) {
            return io.couriermq.spring.support.Jackson2JsonCodec.from(beans);
        }
        throw new MQConfigurationException(KEY, preferred, "no Jackson on the classpath", "Add jackson-databind.");
    }
}
