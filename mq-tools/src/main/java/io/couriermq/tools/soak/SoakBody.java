package io.couriermq.tools.soak;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * A soak message body: run id, message id, filler, and a CRC32 of everything before it, so the consumer
 * can tell this run's messages from older ones and a damaged body from an intact one.
 */
final class SoakBody {
    static final int OVERHEAD = Long.BYTES * 3;

    private SoakBody() {}

    static byte[] encode(long runId, long id, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(size, OVERHEAD));
        buffer.putLong(runId).putLong(id);
        while (buffer.position() < buffer.capacity() - Long.BYTES) {
            buffer.put((byte) ('a' + (buffer.position() + id) % 26));
        }
        buffer.putLong(checksum(buffer.array(), buffer.capacity() - Long.BYTES));
        return buffer.array();
    }

    /** The run id, or empty when the body is too short to be a soak body. */
    static OptionalLong runId(byte[] body) {
        return body.length < OVERHEAD
                ? OptionalLong.empty()
                : OptionalLong.of(ByteBuffer.wrap(body).getLong(0));
    }

    static long id(byte[] body) {
        return ByteBuffer.wrap(body).getLong(Long.BYTES);
    }

    static boolean intact(byte[] body) {
        return body.length >= OVERHEAD
                && ByteBuffer.wrap(body).getLong(body.length - Long.BYTES) == checksum(body, body.length - Long.BYTES);
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
