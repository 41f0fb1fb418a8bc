package io.couriermq.broker.pull;

import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.Optional;

/** Where a pull without its own subscription finds the one its consumer sent in its heartbeat. */
@FunctionalInterface
public interface SubscriptionLookup {

    Optional<SubscriptionData> find(String consumerGroup, String topic);
}
