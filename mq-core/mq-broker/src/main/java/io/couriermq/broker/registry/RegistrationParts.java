package io.couriermq.broker.registry;

import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.RegisterBrokerBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Turns the broker's topic table into the bodies of one registration round: JSON, or RocketMQ's compressed
 * form ({@code compressedRegister}), in one body or in parts of {@code splitRegistrationSize} topics
 * ({@code enableSplitRegistration}). Every part carries the table's data version; a NameServer applies a part
 * with a version it already holds only to the topics it lacks for the broker, as RocketMQ 5's does. A body
 * over {@link #MAX_BODY_BYTES} is halved until each part fits, whatever the keys say: one frame holding the
 * whole table of a broker with very many topics would go past the NameServer's frame limit (16 MiB by default)
 * and close the connection.
 */
final class RegistrationParts {
    /** A quarter of the default frame limit: room for NameServers configured below the default. */
    static final int MAX_BODY_BYTES = 4 << 20;

    /**
     * One REGISTER_BROKER body, with its CRC as brokers compute it (CRC32 masked to a non-negative int),
     * computed once for every NameServer it goes to.
     */
    record Part(byte[] body, boolean compressed, int bodyCrc32) {
        Part(byte[] body, boolean compressed) {
            this(body, compressed, crc32(body));
        }

        private static int crc32(byte[] body) {
            CRC32 crc = new CRC32();
            crc.update(body);
            return (int) (crc.getValue() & 0x7FFFFFFF);
        }
    }

    private final boolean compress;
    private final int splitSize;

    /** @param splitSize topics per part, or 0 not to split unless a body would be too large */
    RegistrationParts(boolean compress, int splitSize) {
        this.compress = compress;
        this.splitSize = splitSize;
    }

    /**
     * The parts for {@code topics} (in the order given, so the caller can put what changed first: a NameServer
     * that already holds the data version takes changed topics only from the first part it reads).
     */
    List<Part> of(List<TopicConfig> topics, DataVersion dataVersion) {
        List<Part> parts = new ArrayList<>();
        if (splitSize > 0 && topics.size() > splitSize) {
            for (int from = 0; from < topics.size(); from += splitSize) {
                addFitting(parts, topics.subList(from, Math.min(topics.size(), from + splitSize)), dataVersion);
            }
        } else {
            addFitting(parts, topics, dataVersion);
        }
        return parts;
    }

    private void addFitting(List<Part> parts, List<TopicConfig> topics, DataVersion dataVersion) {
        byte[] body = encode(topics, dataVersion);
        if (body.length <= MAX_BODY_BYTES || topics.size() < 2) {
            parts.add(new Part(body, compress));
            return;
        }
        int half = topics.size() / 2;
        addFitting(parts, topics.subList(0, half), dataVersion);
        addFitting(parts, topics.subList(half, topics.size()), dataVersion);
    }

    private byte[] encode(List<TopicConfig> topics, DataVersion dataVersion) {
        if (!compress) {
            Map<String, TopicConfig> table = new LinkedHashMap<>();
            topics.forEach(topic -> table.put(topic.topicName(), topic));
            return RemotingJson.encode(
                    new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, dataVersion), List.of()));
        }
        return compressed(topics, dataVersion);
    }

    /**
     * RocketMQ's compressed registration: zlib of length-prefixed parts, the data version as JSON, the topic
     * count, one text line per topic, the filter-server list as JSON, and the count of static-topic mappings
     * (none here). The text line keeps name, queue counts, permission, filter type and attributes only, as
     * RocketMQ's does.
     */
    static byte[] compressed(List<TopicConfig> topics, DataVersion dataVersion) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writePart(out, RemotingJson.encode(dataVersion));
            out.writeInt(topics.size());
            for (TopicConfig topic : topics) {
                writePart(out, topicLine(topic).getBytes(StandardCharsets.UTF_8));
            }
            writePart(out, "[]".getBytes(StandardCharsets.UTF_8));
            out.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a registration in memory", e);
        } finally {
            // a Deflater handed to the stream is not ended by it, and holds native memory until then
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** One topic as "name readQueues writeQueues perm filterType [attributesJson]". */
    static String topicLine(TopicConfig topic) {
        StringBuilder line = new StringBuilder()
                .append(topic.topicName())
                .append(' ')
                .append(topic.readQueueNums())
                .append(' ')
                .append(topic.writeQueueNums())
                .append(' ')
                .append(topic.perm())
                .append(' ')
                .append(topic.topicFilterType());
        if (!topic.attributes().isEmpty()) {
            line.append(' ').append(new String(RemotingJson.encode(topic.attributes()), StandardCharsets.UTF_8));
        }
        return line.toString();
    }

    private static void writePart(DataOutputStream out, byte[] part) throws IOException {
        out.writeInt(part.length);
        out.write(part);
    }
}
