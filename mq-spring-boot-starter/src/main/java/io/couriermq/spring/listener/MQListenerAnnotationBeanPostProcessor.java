package io.couriermq.spring.listener;

import io.couriermq.spring.annotation.MQMessageListener;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds {@code @MQMessageListener} on beans and their methods (looking through proxies and
 * meta-annotations) and records them; the {@link MQListenerEndpointRegistry} turns them into containers
 * once every singleton exists. It only collects: nothing here touches the network.
 */
public class MQListenerAnnotationBeanPostProcessor implements BeanPostProcessor {

    /** A listener as found: the bean (possibly a proxy), its class, the method (null for a class) and the annotation. */
    public record Declared(
            String beanName, Object bean, Class<?> targetClass, Method method, MQMessageListener annotation) {
        String source() {
            return method == null ? "bean '" + beanName + "'" : "bean '" + beanName + "' method " + method.getName();
        }
    }

    private final List<Declared> declared = new ArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        MQMessageListener onClass = AnnotatedElementUtils.findMergedAnnotation(targetClass, MQMessageListener.class);
        if (onClass != null) {
            record(new Declared(beanName, bean, targetClass, null, onClass));
        }
        Map<Method, MQMessageListener> methods =
                MethodIntrospector.selectMethods(targetClass, (MethodIntrospector.MetadataLookup<MQMessageListener>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(method, MQMessageListener.class));
        methods.forEach((method, annotation) -> record(new Declared(beanName, bean, targetClass, method, annotation)));
        return bean;
    }

    private synchronized void record(Declared listener) {
        declared.add(listener);
    }

    public synchronized List<Declared> declared() {
        return List.copyOf(declared);
    }
}
