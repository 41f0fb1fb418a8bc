package io.couriermq.common.message.codec;

import static io.couriermq.common.message.codec.RecordEncodingException.Reason.PROPERTIES_TOO_LONG;
import static io.couriermq.common.message.codec.RecordEncodingException.Reason.RECORD_TOO_LARGE;
import static io.couriermq.common.message.codec.RecordEncodingException.Reason.TOPIC_TOO_LONG;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.MessageSysFlag;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes messages into the stored-record layout ({@link RecordLayout}).
 *
 * <p>Encoding is split in two so the expensive part (properties string, CRC, copying the body) happens
 * outside the commit log's append lock: {@link #encode} writes the record with zero placeholders for
 * what the store assigns, and {@link #stamp} patches those three fields in place under the lock.
 */
public final class MessageEncoder {
    private MessageEncoder() {}

    /** The sysFlag as stored: the message's own flags plus the IPv6 bits derived from its hosts. */
    public static int storedSysFlag(Message message) {
        int sysFlag = message.sysFlag() & ~(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOST_V6);
        if (HostCodec.isIpv6(message.bornHost())) {
            sysFlag |= MessageSysFlag.BORNHOST_V6;
        }
        if (HostCodec.isIpv6(message.storeHost())) {
            sysFlag |= MessageSysFlag.STOREHOST_V6;
        }
        return sysFlag;
    }

    /**
     * Writes one record at the buffer's position and advances it. Queue offset, physical offset and store
     * time are written as zero; see {@link #stamp}.
     *
     * @return the record size in bytes
     * @throws RecordEncodingException if the record would exceed {@code maxRecordBytes} or a length field
     */
    public static int encode(Message message, ByteBuffer target, int maxRecordBytes) {
        byte[] topic = message.topic().getBytes(StandardCharsets.UTF_8);
        byte[] properties = MessageProperties.encode(message.properties()).getBytes(StandardCharsets.UTF_8);
        checkLengths(message, topic, properties);
        int sysFlag = storedSysFlag(message);
        int size = RecordLayout.recordSize(sysFlag, message.bodyLength(), topic.length, properties.length);
        if (size > maxRecordBytes) {
            throw new RecordEncodingException(
                    RECORD_TOO_LARGE,
                    "record of " + size + " bytes exceeds the limit of " + maxRecordBytes + " bytes (topic "
                            + message.topic() + ", queue " + message.queueId() + ")");
        }
        int magic = RecordLayout.magicFor(topic.length);
        int recordStart = target.position();
        target.putInt(size)
                .putInt(magic)
                .putInt(0) // body CRC, computed below over the copy in target
                .putInt(message.queueId())
                .putInt(message.flag())
                .putLong(0L)
                .putLong(0L)
                .putInt(sysFlag)
                .putLong(message.bornTimestampMs());
        HostCodec.write(target, message.bornHost());
        target.putLong(0L);
        HostCodec.write(target, message.storeHost());
        target.putInt(message.reconsumeTimes()).putLong(message.preparedTransactionOffset());
        target.putInt(message.bodyLength());
        int bodyStart = target.position();
        target.put(message.body());
        // The CRC of the bytes just copied, not of message.body(): CRC32 reads a writable buffer's array
        // directly but copies a read-only one through a scratch array (15 % of the send thread, issue 15).
        target.putInt(
                recordStart + RecordLayout.BODY_CRC_OFFSET, bodyCrc(target.slice(bodyStart, message.bodyLength())));
        writeTopic(target, magic, topic);
        target.putShort((short) properties.length).put(properties);
        return size;
    }

    /** Fills in what the store assigns, at absolute positions of a record that starts at {@code recordStart}. */
    public static void stamp(
            ByteBuffer buffer, int recordStart, long queueOffset, long physicalOffset, long storeTimestampMs) {
        int sysFlag = buffer.getInt(recordStart + RecordLayout.SYS_FLAG_OFFSET);
        buffer.putLong(recordStart + RecordLayout.QUEUE_OFFSET_OFFSET, queueOffset);
        buffer.putLong(recordStart + RecordLayout.PHYSICAL_OFFSET_OFFSET, physicalOffset);
        buffer.putLong(recordStart + RecordLayout.storeTimestampOffset(sysFlag), storeTimestampMs);
    }

    /** Writes the end-of-file blank marker at an absolute index; {@code remainingBytes} is the rest of the file. */
    public static void writeBlank(ByteBuffer buffer, int index, int remainingBytes) {
        buffer.putInt(index + RecordLayout.TOTAL_SIZE_OFFSET, remainingBytes);
        buffer.putInt(index + RecordLayout.MAGIC_OFFSET, RecordLayout.BLANK_MAGIC);
    }

    /** CRC32 of the body bytes, masked to a non-negative int as RocketMQ stores it. */
    public static int bodyCrc(ByteBuffer body) {
        CRC32 crc = new CRC32();
        crc.update(body.duplicate());
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private static void checkLengths(Message message, byte[] topic, byte[] properties) {
        if (topic.length > RecordLayout.MAX_TOPIC_BYTES) {
            throw new RecordEncodingException(
                    TOPIC_TOO_LONG, "topic of " + topic.length + " bytes is too long: " + message.topic());
        }
        if (properties.length > RecordLayout.MAX_PROPERTIES_BYTES) {
            throw new RecordEncodingException(
                    PROPERTIES_TOO_LONG,
                    "properties of " + properties.length + " bytes exceed " + RecordLayout.MAX_PROPERTIES_BYTES
                            + " (topic " + message.topic() + ")");
        }
    }

    private static void writeTopic(ByteBuffer target, int magic, byte[] topic) {
        if (magic == RecordLayout.MAGIC_V1) {
            target.put((byte) topic.length);
        } else {
            target.putShort((short) topic.length);
        }
        target.put(topic);
    }
}
