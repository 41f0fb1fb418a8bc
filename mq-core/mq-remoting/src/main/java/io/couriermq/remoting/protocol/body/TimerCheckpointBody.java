package io.couriermq.remoting.protocol.body;

import io.couriermq.remoting.protocol.RemotingCommandException;
import java.nio.ByteBuffer;

/**
 * GET_TIMER_CHECK_POINT response. Unlike other bodies it is binary, as RocketMQ's {@code
 * TimerCheckpoint.encode}: seven big-endian longs, the last three the data version (state version,
 * timestamp, counter). The first four alone (32 bytes) are accepted too, as the official decoder does.
 *
 * @param lastReadTimeMs every timer entry due before this time has been delivered
 * @param lastTimerLogFlushPos how far the timer log is flushed (0: CourierMQ has no timer log)
 * @param lastTimerQueueOffset every parked message below this timer-topic queue offset is indexed
 * @param masterTimerQueueOffset the master's indexed timer-topic offset, which a slave copies
 */
public record TimerCheckpointBody(
        long lastReadTimeMs,
        long lastTimerLogFlushPos,
        long lastTimerQueueOffset,
        long masterTimerQueueOffset,
        DataVersion dataVersion) {

    private static final int POSITIONS_BYTES = 4 * Long.BYTES;
    private static final int SIZE_BYTES = 7 * Long.BYTES;

    public TimerCheckpointBody {
        dataVersion = dataVersion == null ? new DataVersion(0, 0, 0) : dataVersion;
    }

    public byte[] encode() {
        return ByteBuffer.allocate(SIZE_BYTES)
                .putLong(lastReadTimeMs)
                .putLong(lastTimerLogFlushPos)
                .putLong(lastTimerQueueOffset)
                .putLong(masterTimerQueueOffset)
                .putLong(dataVersion.stateVersion())
                .putLong(dataVersion.timestamp())
                .putLong(dataVersion.counter())
                .array();
    }

    public static TimerCheckpointBody decode(byte[] body) {
        if (body == null || (body.length != POSITIONS_BYTES && body.length != SIZE_BYTES)) {
            throw new RemotingCommandException("a timer checkpoint body is " + POSITIONS_BYTES + " or " + SIZE_BYTES
                    + " bytes, was " + (body == null ? "missing" : body.length + " bytes"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        long lastReadTimeMs = buffer.getLong();
        long flushPosition = buffer.getLong();
        long queueOffset = buffer.getLong();
        long masterQueueOffset = buffer.getLong();
        DataVersion version = null;
        if (buffer.hasRemaining()) {
            long stateVersion = buffer.getLong();
            long timestamp = buffer.getLong();
            version = new DataVersion(timestamp, buffer.getLong(), stateVersion);
        }
        return new TimerCheckpointBody(lastReadTimeMs, flushPosition, queueOffset, masterQueueOffset, version);
    }
}
