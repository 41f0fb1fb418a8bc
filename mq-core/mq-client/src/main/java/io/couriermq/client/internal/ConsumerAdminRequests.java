package io.couriermq.client.internal;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.GetConsumerStatusBody;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.ResetOffsetBody;
import io.couriermq.remoting.protocol.header.broker.ConsumeMessageDirectlyResultRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerStatusRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin requests a broker relays to this client's consumers, answered as the official client does:
 * GET_CONSUMER_RUNNING_INFO (307), CONSUME_MESSAGE_DIRECTLY (309), RESET_CONSUMER_CLIENT_OFFSET (220,
 * oneway: no answer) and GET_CONSUMER_STATUS_FROM_CLIENT (221). A group that does not run here gets
 * SYSTEM_ERROR with the official remark (307, 309) or an empty table (221).
 */
final class ConsumerAdminRequests {
    private static final Logger log = LoggerFactory.getLogger(ConsumerAdminRequests.class);

    private final ClientMembers members;

    private ConsumerAdminRequests(ClientMembers members) {
        this.members = members;
    }

    static void register(NettyRemotingClient remoting, ClientMembers members, ExecutorService callbacks) {
        ConsumerAdminRequests requests = new ConsumerAdminRequests(members);
        remoting.registerProcessor(
                RequestCode.GET_CONSUMER_RUNNING_INFO.code(),
                (context, request) -> requests.runningInfo(request),
                callbacks);
        remoting.registerProcessor(
                RequestCode.CONSUME_MESSAGE_DIRECTLY.code(),
                (context, request) -> requests.consumeDirectly(request),
                callbacks);
        remoting.registerProcessor(
                RequestCode.RESET_CONSUMER_CLIENT_OFFSET.code(),
                (context, request) -> requests.resetOffsets(request),
                callbacks);
        remoting.registerProcessor(
                RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT.code(),
                (context, request) -> requests.consumerStatus(request),
                callbacks);
    }

    private RemotingCommand runningInfo(RemotingCommand request) {
        GetConsumerRunningInfoRequestHeader header = request.decodeHeader(GetConsumerRunningInfoRequestHeader::decode);
        Optional<ConsumerMembership> consumer = members.consumer(header.consumerGroup());
        if (consumer.isEmpty()) {
            return notHere(request, header.consumerGroup());
        }
        ConsumerRunningInfo info = consumer.get().runningInfo();
        if (header.jstackEnable()) {
            info = info.withJstack(ThreadDump.now());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(info))
                .build();
    }

    private RemotingCommand consumeDirectly(RemotingCommand request) {
        ConsumeMessageDirectlyResultRequestHeader header =
                request.decodeHeader(ConsumeMessageDirectlyResultRequestHeader::decode);
        Optional<ConsumerMembership> consumer = members.consumer(header.consumerGroup());
        if (!request.hasBody()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("CONSUME_MESSAGE_DIRECTLY without a message")
                    .build();
        }
        StoredMessage stored = MessageDecoder.decode(ByteBuffer.wrap(request.body()), 0);
        ReceivedMessage message = ReceivedMessage.of(stored, header.brokerName());
        Optional<ConsumeMessageDirectlyResult> result = consumer.flatMap(member -> member.consumeDirectly(message));
        if (result.isEmpty()) {
            return notHere(request, header.consumerGroup());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(result.get()))
                .build();
    }

    private RemotingCommand resetOffsets(RemotingCommand request) {
        ResetOffsetRequestHeader header = request.decodeHeader(ResetOffsetRequestHeader::decode);
        Map<MessageQueue, Long> table = request.hasBody()
                ? RemotingJson.decodeWithObjectKeys(request.body(), ResetOffsetBody.class)
                        .offsetTable()
                : Map.of();
        log.info("broker resets the offsets of group {} on topic {} to {}", header.group(), header.topic(), table);
        members.consumer(header.group())
                .ifPresentOrElse(
                        consumer -> consumer.resetOffsets(header.topic(), table),
                        () -> log.info("offset reset for group {} that does not run here", header.group()));
        return null;
    }

    private RemotingCommand consumerStatus(RemotingCommand request) {
        GetConsumerStatusRequestHeader header = request.decodeHeader(GetConsumerStatusRequestHeader::decode);
        Map<MessageQueue, Long> offsets = members.consumer(header.group())
                .map(consumer -> consumer.offsets(header.topic()))
                .orElse(Map.of());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(GetConsumerStatusBody.ofClient(offsets)))
                .build();
    }

    private static RemotingCommand notHere(RemotingCommand request, String group) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                .remark(String.format("The Consumer Group <%s> not exist in this consumer", group))
                .build();
    }
}
