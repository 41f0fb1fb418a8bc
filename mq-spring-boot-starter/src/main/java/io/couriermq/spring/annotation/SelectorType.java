package io.couriermq.spring.annotation;

/** How {@link MQMessageListener#selectorExpression()} is read. */
public enum SelectorType {
    /** {@code *} or tags joined by {@code ||}. */
    TAG,
    /** A SQL92 condition over message properties, evaluated by the broker (needs enablePropertyFilter). */
    SQL92
}
