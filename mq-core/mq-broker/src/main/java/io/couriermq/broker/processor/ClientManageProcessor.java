package io.couriermq.broker.processor;

import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.filter.FilterRefusal;
import io.couriermq.broker.filter.SubscriptionFilters;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.CheckClientRequestBody;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.ProducerData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.UnregisterClientRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The client lifecycle: HEART_BEAT (every 30 s from every client: who it is and which producer and
 * consumer groups it runs), UNREGISTER_CLIENT (at shutdown, per group) and CHECK_CLIENT_CONFIG (a
 * consumer with a non-TAG expression asks at start whether the broker accepts it).
 *
 * <p>Heartbeats are answered SUCCESS without the 5.x heartbeat-V2 ext fields, so clients always send
 * full heartbeats; the response carries our version ordinal, which clients store as the broker's
 * version (§1.6). A consumer group whose SQL92 expression does not compile is not registered and the
 * heartbeat is answered SUBSCRIPTION_PARSE_FAILED naming it (the official broker registers it and
 * lets every pull fail later); the client's other groups are registered as usual.
 */
public final class ClientManageProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG);

    private final ProducerGroupRegistry producers;
    private final ConsumerGroupRegistry consumers;
    private final SubscriptionGroupManager subscriptionGroups;
    private final TopicConfigManager topics;
    private final SubscriptionFilters filters;

    public ClientManageProcessor(
            ProducerGroupRegistry producers,
            ConsumerGroupRegistry consumers,
            SubscriptionGroupManager subscriptionGroups,
            TopicConfigManager topics,
            SubscriptionFilters filters) {
        this.producers = producers;
        this.consumers = consumers;
        this.subscriptionGroups = subscriptionGroups;
        this.topics = topics;
        this.filters = filters;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case HEART_BEAT -> heartbeat(context, request);
            case UNREGISTER_CLIENT -> unregister(request);
            case CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> throw new IllegalArgumentException("not a client management request: " + request);
        };
    }

    private RemotingCommand heartbeat(RequestContext context, RemotingCommand request) {
        HeartbeatData heartbeat = RemotingJson.decode(request.body(), HeartbeatData.class);
        if (heartbeat.clientId() == null || heartbeat.clientId().isBlank()) {
            throw new RemotingCommandException("the HEART_BEAT body has no clientID (from "
                    + context.channel().remoteAddress() + ")");
        }
        ClientIdentity client =
                new ClientIdentity(context.channel(), heartbeat.clientId(), request.language(), request.version());
        List<String> refused = new ArrayList<>();
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            prepareGroup(consumer);
            try {
                consumer.subscriptionDataSet().forEach(s -> filters.checkSyntax(consumer.groupName(), s));
            } catch (FilterRefusal refusal) {
                refused.add(refusal.getMessage());
                continue;
            }
            consumers.register(client, consumer, heartbeat.withoutSub());
        }
        for (ProducerData producer : heartbeat.producerDataSet()) {
            if (producer.groupName() == null || producer.groupName().isBlank()) {
                throw new RemotingCommandException("a producer group in the HEART_BEAT body has no groupName");
            }
            producers.register(producer.groupName(), client);
        }
        forgetIfClosedMeanwhile(client);
        if (!refused.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED)
                    .remark(String.join("; ", refused))
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    /**
     * A connection that closed while its heartbeat waited in the queue has already been removed from
     * the registries; registering it afterwards would leave a ghost until the idle scan. Checking after
     * registering closes that window: either the close event comes later and removes it, or we see it.
     */
    private void forgetIfClosedMeanwhile(ClientIdentity client) {
        if (!client.channel().isActive()) {
            producers.channelClosed(client.channel());
            consumers.channelClosed(client.channel());
        }
    }

    /**
     * The group's config (created on first use when allowed) and, for a clustering group that has one,
     * its retry topic: failed messages are sent back there, and admin tools look up its route.
     */
    private void prepareGroup(ConsumerData consumer) {
        String group = consumer.groupName();
        if (group == null || group.isBlank()) {
            throw new RemotingCommandException("a consumer group in the HEART_BEAT body has no groupName");
        }
        boolean configured = subscriptionGroups.findOrAutoCreate(group).isPresent();
        if (configured && consumer.messageModel() != MessageModel.BROADCASTING) {
            try {
                topics.retryTopicOf(group);
            } catch (IllegalArgumentException e) {
                throw new RemotingCommandException(
                        "cannot create the retry topic of consumer group " + group + ": " + e.getMessage(), e);
            }
        }
    }

    private RemotingCommand unregister(RemotingCommand request) {
        UnregisterClientRequestHeader header = request.decodeHeader(UnregisterClientRequestHeader::decode);
        if (header.producerGroup() != null) {
            producers.unregister(header.producerGroup(), header.clientId());
        }
        if (header.consumerGroup() != null) {
            consumers.unregister(header.consumerGroup(), header.clientId());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    /**
     * A consumer with a non-TAG expression asks at start whether its pulls will be served: SUCCESS, or
     * the refusal (SQL92 disabled, an expression that does not compile with its position and problem,
     * an unknown type) that makes its start fail with our remark instead of receiving nothing.
     */
    private RemotingCommand checkClientConfig(RemotingCommand request) {
        CheckClientRequestBody body = RemotingJson.decode(request.body(), CheckClientRequestBody.class);
        SubscriptionData subscription = body.subscriptionData();
        if (subscription == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        }
        try {
            filters.check(body.group(), subscription);
        } catch (FilterRefusal refusal) {
            return RemotingCommand.responseTo(request, refusal.code())
                    .remark(refusal.getMessage())
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }
}
