package io.couriermq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean, or one of its methods, a consumer of {@link #topic()} in {@link #consumerGroup()}.
 *
 * <p>On a class, the bean implements {@link io.couriermq.spring.core.MQListener} or {@link
 * io.couriermq.spring.core.MQReplyListener}. On a method, the parameters may be the payload (converted to
 * the declared type, optionally {@code @Payload}), {@code @Header}s, {@code @Headers Map}, a Spring {@code
 * Message<T>}, the client's {@code ReceivedMessage}, or a {@code List} of any of these for a batch; a
 * {@code boolean} result of {@code false} asks for a retry, and any other result of a request is sent back
 * as the reply.
 *
 * <p>Listeners naming the same group share one consumer: their topics must differ and their group-wide
 * settings (model, mode, threads, retries, credentials) must agree, or the application does not start.
 * String attributes resolve {@code ${...}} placeholders.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MQMessageListener {

    /** The consumer group. */
    String consumerGroup();

    /** The topic; {@code %DLQ%<group>} reads that group's dead letters. */
    String topic();

    SelectorType selectorType() default SelectorType.TAG;

    /** Tags ({@code *}, {@code a || b}) or a SQL92 condition, per {@link #selectorType()}. */
    String selectorExpression() default "*";

    MessageModel messageModel() default MessageModel.CLUSTERING;

    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Listener threads of the group's consumer; 0 takes {@code courier.consumer.consume-threads}. */
    int consumeThreadNumber() default 0;

    /**
     * Deliveries before a message goes to {@code %DLQ%<group>}; -1 takes {@code
     * courier.consumer.max-reconsume-times} (16 for concurrent listeners, unlimited for orderly ones).
     */
    int maxReconsumeTimes() default -1;

    /**
     * Delay level of the next delivery after a failure (concurrent mode): 0 lets the broker grow it with
     * each retry, -1 sends a failed message straight to the dead-letter queue, 1..18 picks a level.
     */
    int delayLevelWhenNextConsume() default 0;

    /** Pause of an orderly queue after a failure, in milliseconds. */
    long suspendCurrentQueueTimeMillis() default 1000;

    /** Most messages per call; more than 1 needs a method taking a {@code List}. */
    int batchSize() default 1;

    ConsumeFromWhere consumeFromWhere() default ConsumeFromWhere.LAST_OFFSET;

    /** Whether the consumer starts with the application ({@code "true"}, {@code "false"} or a placeholder). */
    String autoStartup() default "true";

    /** A NameServer list for this listener alone; empty uses {@code courier.name-server}. */
    String nameServer() default "";

    /** The container's id (for the registry and the {@code mqlisteners} endpoint); the group by default. */
    String id() default "";

    /**
     * ACL access key of this listener's consumer (with {@link #secretKey()}), for example {@code
     * "${orders.access-key}"}; empty takes {@code courier.consumer.access-key}, else {@code
     * courier.access-key}. A consumer with an account of its own connects apart from the others.
     */
    String accessKey() default "";

    /** ACL secret key of {@link #accessKey()}; use a placeholder rather than the secret itself. */
    String secretKey() default "";
}
