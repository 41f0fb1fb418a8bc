package io.couriermq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link io.couriermq.spring.core.MQLocalTransactionListener} bean as the transaction listener of
 * {@link #producerGroup()}. An application may have any number, one per group; {@link
 * io.couriermq.spring.core.MQTemplate#sendMessageInTransaction(String, String,
 * org.springframework.messaging.Message, Object)} picks one by group. Two for one group fail start-up.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface MQTransactionListener {

    /** The producer group; empty means {@code courier.producer.group}. Resolves {@code ${...}}. */
    String producerGroup() default "";
}
