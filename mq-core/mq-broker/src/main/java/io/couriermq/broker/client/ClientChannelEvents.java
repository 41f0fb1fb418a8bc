package io.couriermq.broker.client;

import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;

/**
 * Removes a closed connection from every producer and consumer group at once, so a crashed client
 * is not counted in rebalances until its heartbeat times out. Runs on the event loop: only map
 * updates here, notifications go through the registry's listener to another thread.
 */
public final class ClientChannelEvents implements ChannelEventListener {
    private final ProducerGroupRegistry producers;
    private final ConsumerGroupRegistry consumers;

    public ClientChannelEvents(ProducerGroupRegistry producers, ConsumerGroupRegistry consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    @Override
    public void onClosed(RemotingChannel channel) {
        producers.channelClosed(channel);
        consumers.channelClosed(channel);
    }
}
