package io.couriermq.broker.processor;

import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.client.RebalanceLockManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BodyFields;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.couriermq.remoting.protocol.body.LockBatchRequestBody;
import io.couriermq.remoting.protocol.body.LockBatchResponseBody;
import io.couriermq.remoting.protocol.body.ProducerConnection;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.UnlockBatchRequestBody;
import io.couriermq.remoting.protocol.header.broker.GetConsumerConnectionListRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetProducerConnectionListRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What consumers and admin tools ask about groups: the member list every consumer rebalances against,
 * the queue locks of orderly consumers, the connection lists admin prints, and the running info admin
 * gets from a consumer through the broker.
 *
 * <p>{@link #CLIENT_CODES} are on consumers' rebalance path (LOCK_BATCH_MQ has a 1 s client timeout),
 * {@link #ADMIN_CODES} are admin calls; register them on different executors so an admin call never
 * delays a rebalance.
 */
public final class ConsumerGroupProcessor implements RequestProcessor {
    public static final List<RequestCode> CLIENT_CODES =
            List.of(RequestCode.GET_CONSUMER_LIST_BY_GROUP, RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ);
    public static final List<RequestCode> ADMIN_CODES = List.of(
            RequestCode.GET_CONSUMER_CONNECTION_LIST,
            RequestCode.GET_PRODUCER_CONNECTION_LIST,
            RequestCode.GET_CONSUMER_RUNNING_INFO);
    public static final List<RequestCode> CODES =
            Stream.concat(CLIENT_CODES.stream(), ADMIN_CODES.stream()).toList();

    private final ConsumerGroupRegistry consumers;
    private final ProducerGroupRegistry producers;
    private final RebalanceLockManager locks;
    private final ConsumerGroupProcessorRelay relay;

    public ConsumerGroupProcessor(
            ConsumerGroupRegistry consumers, ProducerGroupRegistry producers, RebalanceLockManager locks) {
        this(consumers, producers, locks, ConsumerGroupProcessorRelay.DEFAULT_TIMEOUT_MS);
    }

    /** @param relayTimeoutMs how long a request relayed to a consumer may take (10 s, as RocketMQ) */
    public ConsumerGroupProcessor(
            ConsumerGroupRegistry consumers,
            ProducerGroupRegistry producers,
            RebalanceLockManager locks,
            long relayTimeoutMs) {
        this.consumers = consumers;
        this.producers = producers;
        this.locks = locks;
        this.relay = new ConsumerGroupProcessorRelay(consumers, relayTimeoutMs);
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            case LOCK_BATCH_MQ -> lock(request);
            case UNLOCK_BATCH_MQ -> unlock(request);
            case GET_CONSUMER_CONNECTION_LIST -> consumerConnections(request);
            case GET_PRODUCER_CONNECTION_LIST -> producerConnections(request);
            case GET_CONSUMER_RUNNING_INFO -> relay.forward(context, request);
            default -> throw new IllegalArgumentException("not a consumer group request: " + request);
        };
    }

    /** An empty group is SYSTEM_ERROR, as on RocketMQ: the client then skips this rebalance round. */
    private RemotingCommand consumerList(RemotingCommand request) {
        String group = request.decodeHeader(GetConsumerListByGroupRequestHeader::decode)
                .consumerGroup();
        List<String> ids = consumers.consumerIds(group);
        if (ids.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("no consumer for this group, " + group)
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new GetConsumerListByGroupResponseBody(ids)))
                .build();
    }

    private RemotingCommand lock(RemotingCommand request) {
        LockBatchRequestBody body = RemotingJson.decode(request.body(), LockBatchRequestBody.class);
        LockBatchResponseBody locked = new LockBatchResponseBody(locks.tryLock(
                BodyFields.require(body.consumerGroup(), "consumerGroup", request),
                BodyFields.require(body.clientId(), "clientId", request),
                body.mqSet()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(locked))
                .build();
    }

    /** Often sent oneway; the dispatcher drops the response then. */
    private RemotingCommand unlock(RemotingCommand request) {
        UnlockBatchRequestBody body = RemotingJson.decode(request.body(), UnlockBatchRequestBody.class);
        locks.unlock(
                BodyFields.require(body.consumerGroup(), "consumerGroup", request),
                BodyFields.require(body.clientId(), "clientId", request),
                body.mqSet());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand consumerConnections(RemotingCommand request) {
        String group = request.decodeHeader(GetConsumerConnectionListRequestHeader::decode)
                .consumerGroup();
        Optional<ConsumerConnection> connection = consumers.connection(group);
        if (connection.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.CONSUMER_NOT_ONLINE)
                    .remark("the consumer group[" + group + "] not online")
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(connection.get()))
                .build();
    }

    private RemotingCommand producerConnections(RemotingCommand request) {
        String group = request.decodeHeader(GetProducerConnectionListRequestHeader::decode)
                .producerGroup();
        Optional<ProducerConnection> connection = producers.connection(group);
        if (connection.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("the producer group[" + group + "] not exist")
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(connection.get()))
                .build();
    }
}
