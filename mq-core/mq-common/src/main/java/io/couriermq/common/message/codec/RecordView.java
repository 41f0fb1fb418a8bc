package io.couriermq.common.message.codec;

import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.MessageSysFlag;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads fields of one stored record in place, without copying it: the dispatcher, recovery and the read
 * path use this instead of knowing offsets themselves. All reads are absolute; the buffer's position is
 * never moved. The caller must have checked the record with {@link RecordValidator} first.
 */
public final class RecordView {
    private final ByteBuffer buffer;
    private final int start;

    private RecordView(ByteBuffer buffer, int start) {
        this.buffer = buffer;
        this.start = start;
    }

    /** A view of the record that starts at absolute index {@code start}. */
    public static RecordView at(ByteBuffer buffer, int start) {
        return new RecordView(buffer, start);
    }

    public int totalSize() {
        return buffer.getInt(start + RecordLayout.TOTAL_SIZE_OFFSET);
    }

    public int magic() {
        return buffer.getInt(start + RecordLayout.MAGIC_OFFSET);
    }

    public int bodyCrc() {
        return buffer.getInt(start + RecordLayout.BODY_CRC_OFFSET);
    }

    public int queueId() {
        return buffer.getInt(start + RecordLayout.QUEUE_ID_OFFSET);
    }

    public int flag() {
        return buffer.getInt(start + RecordLayout.FLAG_OFFSET);
    }

    public long queueOffset() {
        return buffer.getLong(start + RecordLayout.QUEUE_OFFSET_OFFSET);
    }

    public long physicalOffset() {
        return buffer.getLong(start + RecordLayout.PHYSICAL_OFFSET_OFFSET);
    }

    public int sysFlag() {
        return buffer.getInt(start + RecordLayout.SYS_FLAG_OFFSET);
    }

    public long bornTimestampMs() {
        return buffer.getLong(start + RecordLayout.BORN_TIMESTAMP_OFFSET);
    }

    public InetSocketAddress bornHost() {
        return HostCodec.read(
                buffer, start + RecordLayout.BORN_HOST_OFFSET, (sysFlag() & MessageSysFlag.BORNHOST_V6) != 0);
    }

    public long storeTimestampMs() {
        return buffer.getLong(start + RecordLayout.storeTimestampOffset(sysFlag()));
    }

    public InetSocketAddress storeHost() {
        int sysFlag = sysFlag();
        return HostCodec.read(
                buffer, start + RecordLayout.storeHostOffset(sysFlag), (sysFlag & MessageSysFlag.STOREHOST_V6) != 0);
    }

    public int reconsumeTimes() {
        return buffer.getInt(start + RecordLayout.reconsumeTimesOffset(sysFlag()));
    }

    public long preparedTransactionOffset() {
        return buffer.getLong(start + RecordLayout.preparedTransactionOffsetOffset(sysFlag()));
    }

    public int bodyLength() {
        return buffer.getInt(start + RecordLayout.bodyLengthOffset(sysFlag()));
    }

    /** A slice of the body bytes; no copy. */
    public ByteBuffer body() {
        return buffer.slice(bodyStart(), bodyLength());
    }

    public String topic() {
        int index = topicLengthIndex();
        int length = topicLength(index);
        return string(index + RecordLayout.topicLengthBytes(magic()), length);
    }

    public String propertiesString() {
        int index = propertiesLengthIndex();
        int length = Short.toUnsignedInt(buffer.getShort(index));
        return string(index + 2, length);
    }

    public Map<String, String> properties() {
        return MessageProperties.decode(propertiesString());
    }

    /** Recomputes the CRC of the body as stored, for comparison with {@link #bodyCrc()}. */
    public int computeBodyCrc() {
        return MessageEncoder.bodyCrc(body());
    }

    int bodyStart() {
        return start + RecordLayout.bodyLengthOffset(sysFlag()) + 4;
    }

    int topicLengthIndex() {
        return bodyStart() + bodyLength();
    }

    int propertiesLengthIndex() {
        int index = topicLengthIndex();
        return index + RecordLayout.topicLengthBytes(magic()) + topicLength(index);
    }

    short shortAt(int index) {
        return buffer.getShort(index);
    }

    private int topicLength(int index) {
        return magic() == RecordLayout.MAGIC_V1
                ? Byte.toUnsignedInt(buffer.get(index))
                : Short.toUnsignedInt(buffer.getShort(index));
    }

    private String string(int index, int length) {
        byte[] bytes = new byte[length];
        buffer.get(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
