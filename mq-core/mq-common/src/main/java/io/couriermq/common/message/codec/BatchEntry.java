package io.couriermq.common.message.codec;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a SEND_BATCH_MESSAGE body (remoting-protocol §4.6): only what varies per message
 * (its flag, its body, which batches never compress, and its own properties).
 *
 * <p>An entry built with the constructor owns a copy of the body. An entry {@link BatchCodec#decode}
 * returns is a read-only view into the decoded batch body instead: the broker decodes 64 bodies per
 * request on the send thread, and each copy there showed up as a tenth of the allocation (issue 15).
 */
public final class BatchEntry {
    private final int flag;
    private final ByteBuffer body;
    private final Map<String, String> properties;

    public BatchEntry(int flag, byte[] body, Map<String, String> properties) {
        this(flag, ByteBuffer.wrap(body.clone()).asReadOnlyBuffer(), Map.copyOf(properties));
    }

    private BatchEntry(int flag, ByteBuffer body, Map<String, String> properties) {
        this.flag = flag;
        this.body = body;
        this.properties = properties;
    }

    /** An entry over {@code body}'s remaining bytes, kept as a view: the caller must not change them. */
    static BatchEntry viewing(int flag, ByteBuffer body, Map<String, String> properties) {
        return new BatchEntry(flag, body.asReadOnlyBuffer(), Collections.unmodifiableMap(properties));
    }

    public int flag() {
        return flag;
    }

    /** A fresh copy of the body. */
    public byte[] body() {
        byte[] copy = new byte[body.remaining()];
        body.get(body.position(), copy);
        return copy;
    }

    /** A read-only view of the body; no copy. */
    public ByteBuffer bodyView() {
        return body.duplicate();
    }

    public int bodyLength() {
        return body.remaining();
    }

    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchEntry that
                && flag == that.flag
                && body.equals(that.body)
                && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flag, body, properties);
    }

    @Override
    public String toString() {
        return "BatchEntry[flag=" + flag + ", bodyBytes=" + body.remaining() + ", properties=" + properties + "]";
    }
}
