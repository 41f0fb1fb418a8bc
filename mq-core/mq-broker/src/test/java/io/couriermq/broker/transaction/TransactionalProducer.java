package io.couriermq.broker.transaction;

import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A transactional producer speaking the wire protocol as the official client does: half message sends,
 * END_TRANSACTION, heartbeats as a producer-group member, and answers to CHECK_TRANSACTION_STATE decided
 * by a function of the transaction's unique key (null = no answer).
 */
final class TransactionalProducer implements AutoCloseable {

    /** A sent half message as the producer knows it from the send response. */
    record Half(String uniqueKey, long queueOffset, long commitLogOffset, SendMessageResponseHeader response) {}

    /** A check-back received: its header and the decoded body. */
    record Check(CheckTransactionStateRequestHeader header, StoredMessage message) {}

    private final String address;
    private final String group;
    private final String clientId;
    private final NettyRemotingClient client;
    private final ExecutorService checkExecutor = Executors.newSingleThreadExecutor();
    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private volatile Function<String, Integer> checkAnswers = uniqueKey -> null;

    TransactionalProducer(String address, String group, String clientId) {
        this.address = address;
        this.group = group;
        this.clientId = clientId;
        this.client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        client.registerProcessor(
                RequestCode.CHECK_TRANSACTION_STATE.code(),
                (context, request) -> {
                    onCheck(request);
                    return null;
                },
                checkExecutor);
    }

    /** How check-backs are answered: commitOrRollback type by unique key, or null for silence. */
    void answerChecksWith(Function<String, Integer> answers) {
        this.checkAnswers = answers;
    }

    List<Check> checks() {
        return checks;
    }

    void heartbeat() {
        RemotingCommand response = client.invokeSync(address, BrokerRequests.producerHeartbeat(clientId, group), 5_000);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new IllegalStateException("heartbeat refused: " + response.remark());
        }
    }

    Half sendHalf(String topic, int queueId, String body, String uniqueKey, String extraProperties) {
        String properties = "TRAN_MSG\u0001true\u0002PGROUP\u0001" + group + "\u0002UNIQ_KEY\u0001" + uniqueKey
                + "\u0002" + extraProperties;
        RemotingCommand response = client.invokeSync(
                address,
                BrokerRequests.send(topic, queueId)
                        .producerGroup(group)
                        .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                        .properties(properties)
                        .body(body),
                5_000);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new IllegalStateException("half message refused: " + response.code() + " " + response.remark());
        }
        SendMessageResponseHeader header = response.decodeHeader(SendMessageResponseHeader::decode);
        return new Half(
                uniqueKey,
                header.queueOffset(),
                MessageId.decode(header.msgId()).commitLogOffset(),
                header);
    }

    /** END_TRANSACTION as a request with an answer (the official client sends it oneway). */
    RemotingCommand end(Half half, int type, boolean fromCheck) {
        return end(group, half.queueOffset(), half.commitLogOffset(), half.uniqueKey(), type, fromCheck);
    }

    RemotingCommand end(
            String producerGroup,
            long queueOffset,
            long commitLogOffset,
            String uniqueKey,
            int type,
            boolean fromCheck) {
        return client.invokeSync(
                address, endRequest(producerGroup, queueOffset, commitLogOffset, uniqueKey, type, fromCheck), 5_000);
    }

    /** END_TRANSACTION oneway, as the official client sends it. */
    void endOneway(Half half, int type) {
        client.invokeOneway(
                        address,
                        endRequest(group, half.queueOffset(), half.commitLogOffset(), half.uniqueKey(), type, false))
                .join();
    }

    private RemotingCommand endRequest(
            String producerGroup,
            long queueOffset,
            long commitLogOffset,
            String uniqueKey,
            int type,
            boolean fromCheck) {
        return RemotingCommand.request(RequestCode.END_TRANSACTION)
                .header(new EndTransactionRequestHeader(
                        producerGroup,
                        queueOffset,
                        commitLogOffset,
                        type,
                        fromCheck,
                        uniqueKey,
                        uniqueKey,
                        null,
                        "broker-a"))
                .build();
    }

    private void onCheck(RemotingCommand request) {
        CheckTransactionStateRequestHeader header = request.decodeHeader(CheckTransactionStateRequestHeader::decode);
        StoredMessage message = MessageDecoder.decode(ByteBuffer.wrap(request.body()), 0);
        checks.add(new Check(header, message));
        Integer answer = checkAnswers.apply(message.message().property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY));
        if (answer != null) {
            end(
                    message.message().property(MessageConst.PRODUCER_GROUP),
                    header.tranStateTableOffset(),
                    header.commitLogOffset(),
                    header.msgId(),
                    answer,
                    true);
        }
    }

    @Override
    public void close() {
        client.close();
        checkExecutor.shutdownNow();
    }
}
