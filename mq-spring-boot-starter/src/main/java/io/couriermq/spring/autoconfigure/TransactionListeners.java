package io.couriermq.spring.autoconfigure;

import io.couriermq.spring.annotation.MQTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Finds the {@code @MQTransactionListener} beans and maps them by producer group; two for one group, or
 * an annotated bean that is not an {@link MQLocalTransactionListener}, fail start-up naming the beans.
 */
class TransactionListeners {
    private final ApplicationContext context;
    private final Environment environment;

    TransactionListeners(ApplicationContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    Map<String, MQLocalTransactionListener> byGroup(String defaultGroup) {
        Map<String, MQLocalTransactionListener> listeners = new LinkedHashMap<>();
        Map<String, String> beanOfGroup = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry :
                context.getBeansWithAnnotation(MQTransactionListener.class).entrySet()) {
            String beanName = entry.getKey();
            Object bean = entry.getValue();
            MQTransactionListener annotation = AnnotatedElementUtils.findMergedAnnotation(
                    AopUtils.getTargetClass(bean), MQTransactionListener.class);
            if (!(bean instanceof MQLocalTransactionListener listener)) {
                throw new MQConfigurationException(
                        "@MQTransactionListener on bean '" + beanName + "'",
                        AopUtils.getTargetClass(bean).getName(),
                        "does not implement MQLocalTransactionListener",
                        "Implement io.couriermq.spring.core.MQLocalTransactionListener.");
            }
            String group = annotation == null ? "" : environment.resolvePlaceholders(annotation.producerGroup());
            if (group.isBlank()) {
                group = defaultGroup;
            }
            String previous = beanOfGroup.putIfAbsent(group, beanName);
            if (previous != null) {
                throw new MQConfigurationException(
                        "@MQTransactionListener(producerGroup) of beans '" + previous + "' and '" + beanName + "'",
                        group,
                        "two transaction listeners for one producer group",
                        "Give each transaction listener its own producerGroup; the template picks one by group.");
            }
            listeners.put(group, listener);
        }
        return listeners;
    }
}
