package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.PutResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

/** The SEND response for a store outcome: ids and offsets on success, the matching code otherwise. */
public final class SendResponses {
    private SendResponses() {}

    /** {@code queueId} is the queue the producer addressed, also when a diversion parked the message elsewhere. */
    public static RemotingCommand of(
            RemotingCommand request,
            PutResult result,
            List<Message> messages,
            int queueId,
            InetSocketAddress storeHost) {
        ResponseCode code =
                switch (result.status()) {
                    case PUT_OK -> ResponseCode.SUCCESS;
                    case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
                    case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
                    case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
                    case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> ResponseCode.MESSAGE_ILLEGAL;
                    case SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
                };
        RemotingCommand.Builder response = RemotingCommand.responseTo(request, code);
        if (result.records().isEmpty()) {
            return response.remark(result.detail()).build();
        }
        String msgIds = result.records().stream()
                .map(record -> MessageId.encode(storeHost, record.commitLogOffset()))
                .collect(Collectors.joining(","));
        AppendedRecord first = result.records().get(0);
        return response.header(new SendMessageResponseHeader(
                        msgIds,
                        queueId,
                        first.queueOffset(),
                        messages.get(0).uniqueKey(),
                        null,
                        SendMessageResponseHeader.DEFAULT_REGION,
                        true))
                .remark(code == ResponseCode.SUCCESS ? null : result.detail())
                .build();
    }

    public static RemotingCommand rejected(RemotingCommand request, SendRejection rejection) {
        return RemotingCommand.responseTo(request, rejection.code())
                .remark(rejection.getMessage())
                .build();
    }
}
