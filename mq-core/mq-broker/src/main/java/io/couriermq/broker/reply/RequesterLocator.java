package io.couriermq.broker.reply;

import io.couriermq.broker.client.ClientChannelInfo;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.Optional;

/**
 * Finds the connection of the client that sent a request, by the client id in REPLY_TO_CLIENT: among
 * the producers first (the requester is a producer and heartbeats as one), then the consumers.
 */
public final class RequesterLocator {
    private final ProducerGroupRegistry producers;
    private final ConsumerGroupRegistry consumers;

    public RequesterLocator(ProducerGroupRegistry producers, ConsumerGroupRegistry consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    public Optional<RemotingChannel> channelOf(String clientId) {
        for (String group : producers.groups()) {
            Optional<RemotingChannel> found = liveChannel(producers.members(group), clientId);
            if (found.isPresent()) {
                return found;
            }
        }
        for (String group : consumers.groups()) {
            Optional<RemotingChannel> found = liveChannel(consumers.members(group), clientId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<RemotingChannel> liveChannel(Iterable<ClientChannelInfo> members, String clientId) {
        for (ClientChannelInfo member : members) {
            RemotingChannel channel = member.identity().channel();
            if (member.identity().clientId().equals(clientId) && channel.isActive()) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
