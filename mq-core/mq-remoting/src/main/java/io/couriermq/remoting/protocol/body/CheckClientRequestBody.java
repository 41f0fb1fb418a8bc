package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CHECK_CLIENT_CONFIG body: a SQL92 consumer asks at start whether the broker accepts its expression. */
@JsonPropertyOrder({"clientId", "group", "namespace", "subscriptionData"})
public record CheckClientRequestBody(
        String clientId, String group, SubscriptionData subscriptionData, String namespace) {}
