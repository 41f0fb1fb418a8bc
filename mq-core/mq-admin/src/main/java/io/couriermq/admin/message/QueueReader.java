package io.couriermq.admin.message;

import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.BoundaryType;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SearchOffsetRequestHeader;
import java.util.List;

/** Reads a queue as an admin tool does: unheld pulls that commit nothing, and offsets by time. */
final class QueueReader {
    /** The group mqadmin's queries pull as; it never commits, so it leaves no offsets behind. */
    static final String TOOLS_GROUP = "TOOLS_CONSUMER";

    private final AdminRpc rpc;

    QueueReader(AdminRpc rpc) {
        this.rpc = rpc;
    }

    /** What one pull found, and where the next one starts. */
    record Page(List<MessageView> messages, long nextOffset, boolean end) {}

    Page pull(String address, String brokerName, String topic, int queueId, long offset, int max) {
        PullMessageRequestHeader header = new PullMessageRequestHeader(
                TOOLS_GROUP,
                topic,
                queueId,
                offset,
                max,
                PullSysFlag.SUBSCRIPTION,
                0,
                0,
                "*",
                0,
                "TAG",
                null,
                brokerName);
        RemotingCommand response = rpc.call(
                address,
                RemotingCommand.request(RequestCode.PULL_MESSAGE).header(header).build(),
                ResponseCode.PULL_NOT_FOUND,
                ResponseCode.PULL_OFFSET_MOVED,
                ResponseCode.PULL_RETRY_IMMEDIATELY,
                ResponseCode.NO_MESSAGE);
        long next = response.extFields().containsKey("nextBeginOffset")
                ? response.decodeHeader(PullMessageResponseHeader::decode).nextBeginOffset()
                : offset;
        if (response.code() == ResponseCode.PULL_OFFSET_MOVED.code()) {
            return new Page(List.of(), next, next <= offset);
        }
        if (response.code() != ResponseCode.SUCCESS.code() || !response.hasBody()) {
            return new Page(List.of(), next, true);
        }
        return new Page(StoredRecords.decodeAll(response.body(), brokerName), next, false);
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP: the first offset stored at or after {@code timestampMs}. */
    long offsetAt(String address, String brokerName, String topic, int queueId, long timestampMs) {
        RemotingCommand response = rpc.call(
                address,
                RemotingCommand.request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP)
                        .header(new SearchOffsetRequestHeader(
                                topic, queueId, timestampMs, BoundaryType.LOWER, brokerName))
                        .build());
        return response.decodeHeader(OffsetResponseHeader::decode).offset();
    }
}
