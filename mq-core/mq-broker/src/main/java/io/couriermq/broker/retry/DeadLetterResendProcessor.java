package io.couriermq.broker.retry;

import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.broker.topic.TopicNames;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.HeaderFields;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CourierMQ admin extension: dead letters back to their original topic (the RETRY_TOPIC property) as
 * fresh messages with reconsume times reset. RESEND_DEAD_LETTER takes one by offset message id ({@code
 * msgId}); RESEND_DEAD_LETTERS_IN_RANGE takes the messages of {@code %DLQ%<group>} queue {@code queueId}
 * (default 0) in {@code [beginOffset, endOffset)}, at most {@value #MAX_RANGE} at a time. The answer's
 * body is {@code {"resent":n,"skipped":["<offset>: <why>", ...]}}. A dead letter is not removed: the
 * DLQ is a log like any topic.
 */
public final class DeadLetterResendProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.RESEND_DEAD_LETTER, RequestCode.RESEND_DEAD_LETTERS_IN_RANGE);

    static final int MAX_RANGE = 1_000;

    private final TopicConfigManager topics;
    private final MessageStore store;
    private final StoredMessages messages;

    public DeadLetterResendProcessor(TopicConfigManager topics, MessageStore store) {
        this.topics = topics;
        this.store = store;
        this.messages = new StoredMessages(store);
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        HeaderFields fields = new HeaderFields(request);
        return switch (RequestCode.of(request.code())) {
            case RESEND_DEAD_LETTER ->
                resendOne(request, fields.requireString("msgId").trim());
            case RESEND_DEAD_LETTERS_IN_RANGE -> resendRange(request, fields);
            default -> throw new IllegalArgumentException("not a dead-letter request: " + request);
        };
    }

    private RemotingCommand resendOne(RemotingCommand request, String messageId) {
        long offset;
        try {
            offset = MessageId.decode(messageId).commitLogOffset();
        } catch (RuntimeException e) {
            return error(request, ResponseCode.SYSTEM_ERROR, "'" + messageId + "' is not an offset message id");
        }
        Optional<StoredMessage> deadLetter = messages.at(offset);
        if (deadLetter.isEmpty()) {
            return error(request, ResponseCode.QUERY_NOT_FOUND, "no message with id " + messageId);
        }
        Outcome outcome = new Outcome();
        resend(deadLetter.get(), outcome);
        if (outcome.resent == 0) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.join("; ", outcome.skipped));
        }
        return answer(request, outcome);
    }

    private RemotingCommand resendRange(RemotingCommand request, HeaderFields fields) {
        String topic = TopicNames.dlqTopicOf(fields.requireString("group"));
        int queueId = fields.intOr("queueId", 0);
        long begin = fields.requireLong("beginOffset");
        long end = fields.requireLong("endOffset");
        if (begin < 0 || end < begin || end - begin > MAX_RANGE) {
            return error(
                    request,
                    ResponseCode.SYSTEM_ERROR,
                    "need 0 <= beginOffset <= endOffset and at most " + MAX_RANGE + " messages, was [" + begin + ", "
                            + end + ")");
        }
        if (topics.find(topic).isEmpty()) {
            return error(request, ResponseCode.TOPIC_NOT_EXIST, "dead-letter topic " + topic + " does not exist");
        }
        Outcome outcome = new Outcome();
        long offset = Math.max(begin, store.minOffset(topic, queueId));
        while (offset < end) {
            int want = (int) Math.min(32, end - offset);
            try (GetResult read = store.getMessages(topic, queueId, offset, want, MessageFilter.ALL)) {
                if (read.records().isEmpty()) {
                    break;
                }
                for (RecordSlice slice : read.records()) {
                    resend(MessageDecoder.decode(slice.buffer(), 0), outcome);
                }
                offset = read.nextBeginOffset();
            }
        }
        return answer(request, outcome);
    }

    private void resend(StoredMessage deadLetter, Outcome outcome) {
        Message message = deadLetter.message();
        String at = deadLetter.commitLogOffset() + ": ";
        if (!message.topic().startsWith(TopicNames.DLQ_PREFIX)) {
            outcome.skipped.add(at + "not a dead letter (topic " + message.topic() + ")");
            return;
        }
        String original = message.property(MessageConst.RETRY_TOPIC);
        Optional<TopicConfig> topic = original == null ? Optional.empty() : topics.find(original);
        if (topic.isEmpty()) {
            outcome.skipped.add(at + "its original topic " + original + " does not exist");
            return;
        }
        int queueId =
                ThreadLocalRandom.current().nextInt(Math.max(1, topic.get().writeQueueNums()));
        PutResult result = store.putMessage(RetryMessages.resent(message, original, queueId))
                .join();
        if (result.records().isEmpty()) {
            outcome.skipped.add(at + "store refused it: " + result.status() + " " + result.detail());
        } else {
            outcome.resent++;
        }
    }

    private static final class Outcome {
        int resent;
        final List<String> skipped = new ArrayList<>();
    }

    private static RemotingCommand answer(RemotingCommand request, Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resent", outcome.resent);
        body.put("skipped", outcome.skipped);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(body))
                .build();
    }

    private static RemotingCommand error(RemotingCommand request, ResponseCode code, String remark) {
        return RemotingCommand.responseTo(request, code).remark(remark).build();
    }
}
