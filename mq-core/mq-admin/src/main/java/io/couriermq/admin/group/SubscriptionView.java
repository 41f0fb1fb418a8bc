package io.couriermq.admin.group;

/** What a group subscribes to: a topic and its filter expression (TAG or SQL92). */
public record SubscriptionView(String topic, String expression, String expressionType) {}
