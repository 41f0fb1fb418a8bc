package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a PULL_MESSAGE answer into a {@link PullResult}: the four pull codes carry offsets, SUCCESS also
 * the stored records, which are decoded and re-checked against the subscription's exact tags. Any other
 * code is a failure ({@link ClientException}; FLOW_CONTROL and the subscription codes are retriable).
 */
public final class PullResponses {
    private PullResponses() {}

    /**
     * @param requestedOffset messages before it (a broker answering from an earlier offset) are dropped
     * @param subscription the exact tags to keep, or null to keep every message
     */
    public static PullResult parse(
            RemotingCommand response, MessageQueue queue, long requestedOffset, SubscriptionData subscription) {
        PullStatus status = statusOf(response, queue);
        PullMessageResponseHeader header = response.decodeHeader(PullMessageResponseHeader::decode);
        List<ReceivedMessage> messages = List.of();
        if (status == PullStatus.FOUND) {
            if (!response.hasBody()) {
                throw new ClientException(
                        "pull of " + queue + " answered SUCCESS without a body", response.code(), true);
            }
            messages = decode(response.body(), queue, requestedOffset, subscription);
        }
        return new PullResult(status, header.nextBeginOffset(), header.minOffset(), header.maxOffset(), messages);
    }

    private static PullStatus statusOf(RemotingCommand response, MessageQueue queue) {
        int code = response.code();
        if (code == ResponseCode.SUCCESS.code()) {
            return PullStatus.FOUND;
        }
        if (code == ResponseCode.PULL_NOT_FOUND.code()) {
            return PullStatus.NO_NEW_MSG;
        }
        if (code == ResponseCode.PULL_RETRY_IMMEDIATELY.code()) {
            return PullStatus.NO_MATCHED_MSG;
        }
        if (code == ResponseCode.PULL_OFFSET_MOVED.code()) {
            return PullStatus.OFFSET_ILLEGAL;
        }
        throw new ClientException(
                "pull of " + queue + ": " + ResponseCode.nameOf(code) + " " + response.remark(),
                code,
                isRetriable(code));
    }

    /** Subscription races after a rebalance and broker back-pressure pass with time. */
    private static boolean isRetriable(int code) {
        return BrokerRpc.isRetriable(code)
                || code == ResponseCode.FLOW_CONTROL.code()
                || code == ResponseCode.SUBSCRIPTION_NOT_EXIST.code()
                || code == ResponseCode.SUBSCRIPTION_NOT_LATEST.code()
                || code == ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST.code();
    }

    private static List<ReceivedMessage> decode(
            byte[] body, MessageQueue queue, long requestedOffset, SubscriptionData subscription) {
        List<ReceivedMessage> kept = new ArrayList<>();
        for (StoredMessage stored : MessageDecoder.decodeAll(ByteBuffer.wrap(body))) {
            if (stored.queueOffset() < requestedOffset) {
                continue;
            }
            ReceivedMessage message = ReceivedMessage.of(stored, queue.brokerName());
            if (subscription == null || TagMatcher.matches(subscription, message.tags())) {
                kept.add(message);
            }
        }
        return kept;
    }
}
