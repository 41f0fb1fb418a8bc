package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.UniqueKeyGenerator;
import io.couriermq.common.message.codec.BatchCodec;
import io.couriermq.common.message.codec.BatchEntry;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a send request into the messages the store appends: properties decoded, the cluster stamped,
 * a unique key added where the producer sent none. Knows nothing of topics or queues beyond copying
 * what it is given.
 */
public final class MessageFactory {
    private final String clusterName;
    private final InetSocketAddress storeHost;
    private final UniqueKeyGenerator uniqueKeys;

    public MessageFactory(String clusterName, InetSocketAddress storeHost, UniqueKeyGenerator uniqueKeys) {
        this.clusterName = clusterName;
        this.storeHost = storeHost;
        this.uniqueKeys = uniqueKeys;
    }

    /** The one message of SEND_MESSAGE / SEND_MESSAGE_V2. */
    public Message single(SendMessageRequestHeader header, int queueId, byte[] body, InetSocketAddress bornHost) {
        Map<String, String> properties = MessageProperties.decode(header.properties()); // a fresh map
        return build(header, queueId, header.flag(), ByteBuffer.wrap(body), properties, bornHost);
    }

    /**
     * The messages of SEND_BATCH_MESSAGE. Batch-level properties are applied first and each message's
     * own on top, so per-message values (above all UNIQ_KEY) win — the merge order that avoids every
     * message of a batch showing the same id (remoting-protocol §4.7).
     */
    public List<Message> batch(SendMessageRequestHeader header, int queueId, byte[] body, InetSocketAddress bornHost) {
        List<BatchEntry> entries;
        try {
            entries = BatchCodec.decode(ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, "the batch body is malformed: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, "the batch is empty");
        }
        Map<String, String> batchProperties = MessageProperties.decode(header.properties());
        List<Message> messages = new ArrayList<>(entries.size());
        for (BatchEntry entry : entries) {
            Map<String, String> properties = new LinkedHashMap<>(batchProperties);
            properties.remove(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY);
            properties.putAll(entry.properties());
            messages.add(build(header, queueId, entry.flag(), entry.bodyView(), properties, bornHost));
        }
        return messages;
    }

    private Message build(
            SendMessageRequestHeader header,
            int queueId,
            int flag,
            ByteBuffer body,
            Map<String, String> properties,
            InetSocketAddress bornHost) {
        properties.put(MessageConst.CLUSTER, clusterName);
        properties.computeIfAbsent(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, key -> uniqueKeys.next());
        return Message.builder(header.topic(), queueId)
                .flag(flag)
                .sysFlag(header.sysFlag())
                .body(body)
                .properties(properties)
                .bornTimestampMs(header.bornTimestamp())
                .bornHost(bornHost)
                .storeHost(storeHost)
                .reconsumeTimes(header.reconsumeTimes() == null ? 0 : header.reconsumeTimes())
                .build();
    }
}
