package io.couriermq.admin.message;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's dead letters ({@code %DLQ%<group>}): listed by pulling the DLQ topic, re-sent to their
 * original topic with CourierMQ's RESEND_DEAD_LETTER(S_IN_RANGE) extension codes (9150/9151).
 */
public final class DeadLetterAdmin {
    public static final String DLQ_PREFIX = "%DLQ%";
    private static final int PULL_BATCH = 32;

    private final AdminRpc rpc;
    private final Routes routes;
    private final QueueReader reader;

    public DeadLetterAdmin(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
        this.reader = new QueueReader(rpc);
    }

    /** The group's dead letters, oldest first per queue, at most {@code max}; empty when it has none. */
    public List<MessageView> list(String group, int max) {
        String topic = DLQ_PREFIX + group;
        Optional<TopicRouteData> route = routes.route(topic);
        List<MessageView> found = new ArrayList<>();
        if (route.isEmpty()) {
            return found;
        }
        for (QueueData queues : route.get().queueDatas()) {
            String address = route.get().brokerDatas().stream()
                    .filter(data -> data.brokerName().equals(queues.brokerName()) && data.masterAddress() != null)
                    .map(data -> data.masterAddress())
                    .findFirst()
                    .orElse(null);
            for (int queueId = 0; address != null && queueId < queues.readQueueNums(); queueId++) {
                readAll(address, queues.brokerName(), topic, queueId, max - found.size(), found);
            }
        }
        return found;
    }

    /** RESEND_DEAD_LETTER of one dead letter, sent to the broker its offset message id names. */
    public ResendOutcome resend(String offsetMsgId) {
        MessageId id = MessageAdmin.offsetId(offsetMsgId)
                .orElseThrow(() -> new IllegalArgumentException("'" + offsetMsgId + "' is not an offset message id"));
        return resend(StoredRecords.address(id.storeHost()), offsetMsgId);
    }

    /** RESEND_DEAD_LETTER of one dead letter on a given broker. */
    public ResendOutcome resend(String brokerAddress, String offsetMsgId) {
        RemotingCommand request = RemotingCommand.request(RequestCode.RESEND_DEAD_LETTER)
                .extField("msgId", offsetMsgId)
                .build();
        return outcome(brokerAddress, request);
    }

    /** RESEND_DEAD_LETTERS_IN_RANGE: the dead letters of one DLQ queue in [beginOffset, endOffset). */
    public ResendOutcome resendRange(
            String brokerAddress, String group, int queueId, long beginOffset, long endOffset) {
        RemotingCommand request = RemotingCommand.request(RequestCode.RESEND_DEAD_LETTERS_IN_RANGE)
                .extField("group", group)
                .extField("queueId", Integer.toString(queueId))
                .extField("beginOffset", Long.toString(beginOffset))
                .extField("endOffset", Long.toString(endOffset))
                .build();
        return outcome(brokerAddress, request);
    }

    private ResendOutcome outcome(String address, RemotingCommand request) {
        RemotingCommand response = rpc.callExtension(address, request);
        if (!response.hasBody()) {
            throw new AdminException(address, RequestCode.nameOf(request.code()), "the answer has no body", null);
        }
        return AdminRpc.decode(address, request, response, ResendOutcome.class);
    }

    private void readAll(
            String address, String brokerName, String topic, int queueId, int max, List<MessageView> into) {
        long offset = 0;
        int taken = 0;
        while (taken < max) {
            QueueReader.Page page = reader.pull(address, brokerName, topic, queueId, offset, PULL_BATCH);
            for (MessageView message : page.messages()) {
                if (taken < max) {
                    into.add(message);
                    taken++;
                }
            }
            if (page.end() || page.nextOffset() <= offset) {
                return;
            }
            offset = page.nextOffset();
        }
    }
}
