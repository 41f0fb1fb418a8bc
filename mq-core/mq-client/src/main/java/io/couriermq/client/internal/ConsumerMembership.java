package io.couriermq.client.internal;

import io.couriermq.remoting.protocol.body.ConsumerData;

/** What a consumer registered with the runtime tells brokers in heartbeats, and how it hears of changes. */
public interface ConsumerMembership {

    /** The group, subscriptions and model, as of now (subscription versions move with rebalances). */
    ConsumerData consumerData();

    /** A broker said the group's members or subscriptions changed: rebalance soon. */
    void onConsumerIdsChanged();
}
