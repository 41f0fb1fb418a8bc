package io.couriermq.broker.retry;

import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONSUMER_SEND_MSG_BACK (remoting-protocol §6.6): a message the consumer failed goes back to the group's
 * retry topic through the delay path, or to the group's dead-letter topic once it has been reconsumed
 * too often. The original is re-read by its commit-log offset; the answer waits for the store.
 */
public final class ConsumerSendBackProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.CONSUMER_SEND_MSG_BACK);

    private static final Logger log = LoggerFactory.getLogger(ConsumerSendBackProcessor.class);

    private final SubscriptionGroupManager groups;
    private final TopicConfigManager topics;
    private final StoredMessages messages;
    private final MessageStore store;
    private final MessageDiversion delay;

    public ConsumerSendBackProcessor(
            SubscriptionGroupManager groups, TopicConfigManager topics, MessageStore store, MessageDiversion delay) {
        this.groups = groups;
        this.topics = topics;
        this.messages = new StoredMessages(store);
        this.store = store;
        this.delay = delay;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        ConsumerSendMsgBackRequestHeader header = request.decodeHeader(ConsumerSendMsgBackRequestHeader::decode);
        Optional<SubscriptionGroupConfig> found = groups.findOrAutoCreate(header.group());
        if (found.isEmpty()) {
            return error(
                    request,
                    ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group not exist, " + header.group());
        }
        SubscriptionGroupConfig group = found.get();
        if (!group.consumeEnable()) {
            return error(request, ResponseCode.NO_PERMISSION, "subscription group no permission, " + header.group());
        }
        if (group.retryQueueNums() <= 0) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        }
        Optional<StoredMessage> original = messages.at(header.offset());
        if (original.isEmpty()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + header.offset());
        }
        Message next = next(header, group, original.get());
        store.putMessage(next).whenComplete((result, failure) -> {
            if (failure == null && !result.records().isEmpty()) {
                context.respond(RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .build());
            } else {
                String why = failure != null ? failure.toString() : result.status() + " " + result.detail();
                log.warn("send-back of offset {} for group {} failed: {}", header.offset(), header.group(), why);
                context.respond(error(request, ResponseCode.SYSTEM_ERROR, "send-back failed: " + why));
            }
        });
        return null;
    }

    private Message next(
            ConsumerSendMsgBackRequestHeader header, SubscriptionGroupConfig group, StoredMessage original) {
        int max = header.maxReconsumeTimes() != null ? header.maxReconsumeTimes() : group.retryMaxTimes();
        RetryDecision decision =
                RetryDecision.forSendBack(original.message().reconsumeTimes(), header.delayLevel(), max);
        if (decision.deadLetter()) {
            TopicConfig deadLetters = topics.deadLetterTopicOf(header.group());
            log.info(
                    "message at offset {} of group {} goes to {} after {} reconsumes",
                    header.offset(),
                    header.group(),
                    deadLetters.topicName(),
                    original.message().reconsumeTimes());
            return RetryMessages.sentBack(original, deadLetters.topicName(), 0, 0);
        }
        TopicConfig retry = topics.retryTopicOf(header.group());
        int queues = Math.max(1, Math.min(group.retryQueueNums(), retry.writeQueueNums()));
        int queueId = ThreadLocalRandom.current().nextInt(queues);
        return delay.divert(RetryMessages.sentBack(original, retry.topicName(), queueId, decision.delayLevel()));
    }

    private static RemotingCommand error(RemotingCommand request, ResponseCode code, String remark) {
        return RemotingCommand.responseTo(request, code).remark(remark).build();
    }
}
