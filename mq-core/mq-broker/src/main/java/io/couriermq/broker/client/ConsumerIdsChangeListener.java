package io.couriermq.broker.client;

import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.List;

/**
 * Told when a consumer group's members or subscriptions changed, with the group's channels at that
 * moment. Called on the thread that made the change (a processor, an event loop, the expiry scan):
 * implementations must hand any I/O to another thread.
 */
@FunctionalInterface
public interface ConsumerIdsChangeListener {

    void consumerIdsChanged(String group, List<RemotingChannel> channels);

    ConsumerIdsChangeListener NONE = (group, channels) -> {};
}
