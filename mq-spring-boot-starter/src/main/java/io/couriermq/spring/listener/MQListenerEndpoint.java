package io.couriermq.spring.listener;

import io.couriermq.remoting.security.Credentials;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.annotation.SelectorType;

/**
 * One {@code @MQMessageListener} with its placeholders resolved: what to consume and who handles it.
 *
 * @param source the bean (and method) it came from, for messages naming it
 * @param id the container id it asked for, or empty
 * @param credentials the listener's own ACL account, or null for {@code courier.consumer.*} / {@code
 *     courier.*}; its string form never shows the secret
 * @param invoker calls the application's listener
 */
public record MQListenerEndpoint(
        String source,
        String id,
        String group,
        String topic,
        SelectorType selectorType,
        String selectorExpression,
        MessageModel messageModel,
        ConsumeMode consumeMode,
        int consumeThreads,
        int maxReconsumeTimes,
        int delayLevelWhenNextConsume,
        long suspendCurrentQueueMs,
        int batchSize,
        ConsumeFromWhere consumeFromWhere,
        boolean autoStartup,
        String nameServer,
        Credentials credentials,
        ListenerInvoker invoker) {}
