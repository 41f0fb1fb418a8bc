package io.couriermq.client.message;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageId;
import java.util.List;
import java.util.Map;

/**
 * A message as a consumer receives it: the body (decompressed), its properties, and where it was stored.
 *
 * @param topic the topic it was sent to; for a retried message the original topic, not {@code %RETRY%group}
 * @param brokerName the broker that stored it
 * @param queueId its queue
 * @param queueOffset its offset in that queue
 * @param commitLogOffset its position in the broker's commit log
 * @param messageId the producer's id (UNIQ_KEY), or the offset id when the producer set none
 * @param offsetMessageId the broker's id (store host and commit-log offset)
 * @param body the body, decompressed
 * @param properties all properties
 * @param reconsumeTimes how many times it was delivered before and sent back
 * @param bornTimestampMs when the producer created it
 * @param storeTimestampMs when the broker stored it
 * @param sysFlag the stored system flag (transaction type, compression bits)
 */
public record ReceivedMessage(
        String topic,
        String brokerName,
        int queueId,
        long queueOffset,
        long commitLogOffset,
        String messageId,
        String offsetMessageId,
        byte[] body,
        Map<String, String> properties,
        int reconsumeTimes,
        long bornTimestampMs,
        long storeTimestampMs,
        int sysFlag) {

    public ReceivedMessage {
        properties = Map.copyOf(properties);
    }

    /** Converts a record read off a pull response; {@code brokerName} is the broker it came from. */
    public static ReceivedMessage of(StoredMessage stored, String brokerName) {
        Message message = stored.message();
        String offsetId = MessageId.encode(message.storeHost(), stored.commitLogOffset());
        String uniqueKey = message.uniqueKey();
        String retryTopic = message.property(MessageConst.RETRY_TOPIC);
        return new ReceivedMessage(
                retryTopic != null ? retryTopic : message.topic(),
                brokerName,
                message.queueId(),
                stored.queueOffset(),
                stored.commitLogOffset(),
                uniqueKey != null ? uniqueKey : offsetId,
                offsetId,
                BodyCompression.decompress(message.bodyBytes(), message.sysFlag()),
                message.properties(),
                message.reconsumeTimes(),
                message.bornTimestampMs(),
                stored.storeTimestampMs(),
                message.sysFlag());
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageConst.TAGS);
    }

    public List<String> keys() {
        return Message.splitKeys(properties.get(MessageConst.KEYS));
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + topic + "@" + brokerName + ":" + queueId + ":" + queueOffset + ", id=" + messageId
                + ", " + body.length + " bytes, reconsumeTimes=" + reconsumeTimes + "]";
    }
}
