package io.couriermq.spring.listener;

import io.couriermq.filter.sql92.Sql92Expression;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.autoconfigure.CredentialSettings;
import io.couriermq.spring.autoconfigure.MQConfigurationException;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQReplyListener;
import io.couriermq.spring.support.MQMessageConverter;
import java.lang.reflect.Method;
import java.util.List;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/** Builds an {@link MQListenerEndpoint} from a found annotation: placeholders resolved, attributes checked. */
final class EndpointFactory {
    private final ConfigurableBeanFactory beanFactory;
    private final MQMessageConverter converter;
    private final DefaultMessageHandlerMethodFactory methods;

    EndpointFactory(ConfigurableBeanFactory beanFactory, MQMessageConverter converter) {
        this.beanFactory = beanFactory;
        this.converter = converter;
        this.methods = new DefaultMessageHandlerMethodFactory();
        methods.setMessageConverter(converter);
        methods.setCustomArgumentResolvers(List.of(new ReceivedMessageArgumentResolver()));
        methods.setBeanFactory(beanFactory);
        methods.afterPropertiesSet();
    }

    MQListenerEndpoint create(MQListenerAnnotationBeanPostProcessor.Declared declared) {
        MQMessageListener annotation = declared.annotation();
        String source = declared.source();
        String group = required(source, "consumerGroup", annotation.consumerGroup());
        String topic = required(source, "topic", annotation.topic());
        String expression = resolve(annotation.selectorExpression());
        if (expression == null || expression.isBlank()) {
            expression = "*";
        }
        if (annotation.selectorType() == SelectorType.SQL92) {
            try {
                Sql92Expression.compile(expression);
            } catch (IllegalArgumentException e) {
                throw new MQConfigurationException(
                        "@MQMessageListener(selectorExpression) of " + source,
                        expression,
                        "not a valid SQL92 selector: " + e.getMessage(),
                        "Correct the SQL92 expression (for example \"a > 5 AND b = 'x'\").");
            }
        }
        if (annotation.consumeMode() == ConsumeMode.ORDERLY && annotation.messageModel() == MessageModel.BROADCASTING) {
            throw new MQConfigurationException(
                    "@MQMessageListener(consumeMode) of " + source,
                    "ORDERLY with BROADCASTING",
                    "orderly consumption needs the broker's queue locks, which only clustering groups take",
                    "Use CLUSTERING with ORDERLY, or CONCURRENTLY with BROADCASTING.");
        }
        ListenerInvoker invoker = invoker(declared);
        if (annotation.batchSize() < 1 || annotation.batchSize() > 1024) {
            throw new MQConfigurationException(
                    "@MQMessageListener(batchSize) of " + source,
                    annotation.batchSize(),
                    "must be 1..1024",
                    "Use 1..1024.");
        }
        if (annotation.batchSize() > 1 && !invoker.batch()) {
            throw new MQConfigurationException(
                    "@MQMessageListener(batchSize) of " + source,
                    annotation.batchSize(),
                    "a batch needs a listener that takes a List",
                    "Declare the parameter (or MQListener type) as List<T>, or set batchSize = 1.");
        }
        if (annotation.consumeMode() == ConsumeMode.ORDERLY && invoker.batch()) {
            throw new MQConfigurationException(
                    "@MQMessageListener(consumeMode) of " + source,
                    "ORDERLY with a batch listener",
                    "orderly listeners get one message at a time",
                    "Take a single message, or use CONCURRENTLY.");
        }
        if (annotation.delayLevelWhenNextConsume() < -1 || annotation.delayLevelWhenNextConsume() > 18) {
            throw new MQConfigurationException(
                    "@MQMessageListener(delayLevelWhenNextConsume) of " + source,
                    annotation.delayLevelWhenNextConsume(),
                    "must be -1..18",
                    "Use -1 (dead-letter queue at once), 0 (broker decides) or a level 1..18.");
        }
        return new MQListenerEndpoint(
                source,
                resolve(annotation.id()),
                group,
                topic,
                annotation.selectorType(),
                expression,
                annotation.messageModel(),
                annotation.consumeMode(),
                annotation.consumeThreadNumber(),
                annotation.maxReconsumeTimes(),
                annotation.delayLevelWhenNextConsume(),
                Math.max(10, annotation.suspendCurrentQueueTimeMillis()),
                annotation.batchSize(),
                annotation.consumeFromWhere(),
                autoStartup(source, resolve(annotation.autoStartup())),
                resolve(annotation.nameServer()),
                CredentialSettings.of(
                        "@MQMessageListener(accessKey) of " + source,
                        resolve(annotation.accessKey()),
                        "@MQMessageListener(secretKey) of " + source,
                        resolve(annotation.secretKey()),
                        null),
                invoker);
    }

    private ListenerInvoker invoker(MQListenerAnnotationBeanPostProcessor.Declared declared) {
        Object bean = declared.bean();
        if (declared.method() == null) {
            boolean plain = bean instanceof MQListener<?>;
            boolean reply = bean instanceof MQReplyListener<?, ?>;
            if (plain == reply) {
                throw new MQConfigurationException(
                        "@MQMessageListener on " + declared.source(),
                        declared.targetClass().getName(),
                        plain
                                ? "implements both MQListener and MQReplyListener"
                                : "implements neither MQListener nor MQReplyListener",
                        "Implement exactly one of them, or put @MQMessageListener on a method.");
            }
            return new BeanListenerInvoker(bean, declared.targetClass(), converter);
        }
        Method invocable = AopUtils.selectInvocableMethod(declared.method(), bean.getClass());
        InvocableHandlerMethod handler = methods.createInvocableHandlerMethod(bean, invocable);
        return new MethodListenerInvoker(
                bean, declared.targetClass(), invocable, handler, new PayloadResolver(converter));
    }

    private String required(String source, String attribute, String value) {
        String resolved = resolve(value);
        if (resolved == null || resolved.isBlank()) {
            throw new MQConfigurationException(
                    "@MQMessageListener(" + attribute + ") of " + source,
                    value,
                    "must not be blank",
                    "Give the " + attribute + " (placeholders such as ${my.topic} are resolved).");
        }
        return resolved.trim();
    }

    private String resolve(String value) {
        return value == null ? null : beanFactory.resolveEmbeddedValue(value);
    }

    private static boolean autoStartup(String source, String value) {
        if ("true".equalsIgnoreCase(value) || value == null || value.isBlank()) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new MQConfigurationException(
                "@MQMessageListener(autoStartup) of " + source, value, "must be true or false", "Use true or false.");
    }
}
