package io.couriermq.client.producer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.BodyCompression;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.Replies;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.UniqueKeyGenerator;
import io.couriermq.common.message.codec.BatchCodec;
import io.couriermq.common.message.codec.BatchEntry;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns outgoing messages into SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE requests the way the official 5.x
 * client builds them: UNIQ_KEY and WAIT set, bodies over the threshold zlib-compressed, the retry-topic
 * reconsume fields taken from their properties.
 */
public final class SendRequests {
    static final String DEFAULT_TOPIC = "TBW102";
    private static final String RETRY_PREFIX = "%RETRY%";

    private final ProducerConfig config;
    private final UniqueKeyGenerator ids;
    private final Clock clock;

    public SendRequests(ProducerConfig config, UniqueKeyGenerator ids, Clock clock) {
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /** A message prepared once for all attempts: its id assigned, its body compressed if large. */
    public record Prepared(OutgoingMessage message, String uniqueKey, byte[] body, int sysFlag, String properties) {}

    public Prepared prepare(OutgoingMessage message, int extraSysFlag) {
        checkSize(message.body().length, message.topic());
        String uniqueKey = message.property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY);
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        if (uniqueKey == null) {
            uniqueKey = ids.next();
            properties.put(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, uniqueKey);
        }
        properties.putIfAbsent(MessageConst.WAIT_STORE_OK, "true");
        byte[] body = message.body();
        int sysFlag = extraSysFlag;
        if (body.length >= config.compressThresholdBytes()) {
            byte[] compressed = BodyCompression.compress(body);
            if (compressed.length < body.length) {
                body = compressed;
                sysFlag |= BodyCompression.ZLIB_FLAGS;
            }
        }
        return new Prepared(message, uniqueKey, body, sysFlag, MessageProperties.encode(properties));
    }

    public RemotingCommand single(Prepared prepared, MessageQueue queue) {
        OutgoingMessage message = prepared.message();
        RequestCode code = Replies.REPLY_TYPE.equals(message.property(Replies.MESSAGE_TYPE))
                ? RequestCode.SEND_REPLY_MESSAGE_V2
                : RequestCode.SEND_MESSAGE_V2;
        return RemotingCommand.request(code)
                .header(header(message, queue, prepared.sysFlag(), prepared.properties(), false)
                        .v2())
                .body(prepared.body())
                .build();
    }

    /** A batch prepared once: every message's id assigned, the body encoded. */
    public record PreparedBatch(List<String> uniqueKeys, byte[] body, OutgoingMessage first) {}

    public PreparedBatch prepareBatch(List<OutgoingMessage> messages) {
        List<BatchEntry> entries = new ArrayList<>(messages.size());
        List<String> keys = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            Map<String, String> properties = new LinkedHashMap<>(message.properties());
            String key = properties.computeIfAbsent(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, k -> ids.next());
            keys.add(key);
            entries.add(new BatchEntry(message.flag(), message.body(), properties));
        }
        ByteBuffer encoded = BatchCodec.encode(entries);
        byte[] body = new byte[encoded.remaining()];
        encoded.get(body);
        checkSize(body.length, messages.get(0).topic());
        return new PreparedBatch(keys, body, messages.get(0));
    }

    public RemotingCommand batch(PreparedBatch batch, MessageQueue queue) {
        String properties = MessageProperties.encode(Map.of(MessageConst.WAIT_STORE_OK, "true"));
        return RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE)
                .header(header(batch.first(), queue, 0, properties, true).v2())
                .body(batch.body())
                .build();
    }

    private SendMessageRequestHeader header(
            OutgoingMessage message, MessageQueue queue, int sysFlag, String properties, boolean batch) {
        Integer reconsumeTimes = 0;
        Integer maxReconsumeTimes = null;
        if (message.topic().startsWith(RETRY_PREFIX)) {
            reconsumeTimes = intProperty(message, MessageConst.RECONSUME_TIME, 0);
            maxReconsumeTimes = intProperty(message, MessageConst.MAX_RECONSUME_TIMES, null);
        }
        return new SendMessageRequestHeader(
                config.group(),
                message.topic(),
                DEFAULT_TOPIC,
                config.defaultTopicQueues(),
                queue.queueId(),
                sysFlag,
                clock.millis(),
                message.flag(),
                properties,
                reconsumeTimes,
                false,
                maxReconsumeTimes,
                batch,
                queue.brokerName());
    }

    private void checkSize(int bytes, String topic) {
        if (bytes > config.maxMessageBytes()) {
            throw new ClientException(
                    "message to " + topic + " is " + bytes + " bytes, more than the maximum of "
                            + config.maxMessageBytes(),
                    -1,
                    false);
        }
        if (bytes == 0) {
            throw new ClientException("message to " + topic + " has an empty body", -1, false);
        }
    }

    private static Integer intProperty(OutgoingMessage message, String name, Integer fallback) {
        String value = message.property(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ClientException("property " + name + " must be a number, was '" + value + "'", -1, false);
        }
    }
}
