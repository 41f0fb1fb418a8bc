package io.couriermq.namesrv.processor;

import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.RegisterBrokerBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;
import tools.jackson.core.type.TypeReference;

/**
 * Reads a REGISTER_BROKER body in either of its forms: plain JSON, or the compressed form (zlib of
 * length-prefixed parts: data version JSON, topic count, one text line per topic, filter servers).
 * Lengths inside the compressed form are bounded so a hostile body cannot make us allocate at will.
 */
final class RegisterBodyDecoder {
    private static final int MAX_PART_BYTES = 1 << 20;
    private static final int MAX_TOPICS = 1 << 20;

    private RegisterBodyDecoder() {}

    static RegisterBrokerBody decode(byte[] body, boolean compressed) {
        return compressed ? decodeCompressed(body) : RemotingJson.decode(body, RegisterBrokerBody.class);
    }

    /**
     * The topic table of a decoded registration, checked before it reaches the route table: a body
     * without one, or a topic without a name, is refused with the field named rather than failing
     * deep inside a route edit.
     */
    static TopicConfigSerializeWrapper topicTableOf(RegisterBrokerBody body) {
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        if (wrapper == null) {
            throw new RemotingCommandException("the REGISTER_BROKER body has no 'topicConfigSerializeWrapper'");
        }
        for (Map.Entry<String, TopicConfig> entry : wrapper.topicConfigTable().entrySet()) {
            TopicConfig topic = entry.getValue();
            if (topic.topicName() == null || topic.topicName().isBlank()) {
                throw new RemotingCommandException("the REGISTER_BROKER body's topic config under key '"
                        + entry.getKey() + "' has no 'topicName'");
            }
        }
        return wrapper;
    }

    /** The body's CRC as brokers compute it: CRC32 masked to a non-negative int. */
    static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private static RegisterBrokerBody decodeCompressed(byte[] body) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
            DataVersion dataVersion = RemotingJson.decode(readPart(in, "data version"), DataVersion.class);
            int topicCount = in.readInt();
            if (topicCount < 0 || topicCount > MAX_TOPICS) {
                throw new RemotingCommandException("compressed registration declares " + topicCount + " topics");
            }
            Map<String, TopicConfig> topics = new HashMap<>();
            for (int i = 0; i < topicCount; i++) {
                TopicConfig topic = parseTopicLine(new String(readPart(in, "topic config"), StandardCharsets.UTF_8));
                topics.put(topic.topicName(), topic);
            }
            List<String> filterServers = RemotingJson.mapper()
                    .readValue(readPart(in, "filter server list"), new TypeReference<List<String>>() {});
            return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, dataVersion), filterServers);
        } catch (IOException e) {
            throw new RemotingCommandException("compressed registration body is truncated or corrupt: " + e, e);
        }
    }

    private static byte[] readPart(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PART_BYTES) {
            throw new RemotingCommandException("compressed registration: " + what + " length " + length);
        }
        byte[] part = new byte[length];
        in.readFully(part);
        return part;
    }

    /** One topic as "name readQueues writeQueues perm filterType [attributesJson]". */
    static TopicConfig parseTopicLine(String line) {
        String[] fields = line.split(" ", 6);
        if (fields.length < 5) {
            throw new RemotingCommandException("compressed registration: bad topic line '" + line + "'");
        }
        try {
            Map<String, String> attributes = fields.length == 6
                    ? RemotingJson.mapper().readValue(fields[5], new TypeReference<Map<String, String>>() {})
                    : Map.of();
            return new TopicConfig(
                    fields[0],
                    Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]),
                    Integer.parseInt(fields[3]),
                    fields[4],
                    0,
                    false,
                    attributes);
        } catch (RuntimeException e) {
            throw new RemotingCommandException("compressed registration: bad topic line '" + line + "'", e);
        }
    }
}
