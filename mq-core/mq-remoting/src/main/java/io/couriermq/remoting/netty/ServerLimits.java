package io.couriermq.remoting.netty;

/**
 * What one listening port lets its peers hold, so that no peer, and no crowd of them, can take the
 * memory or the connections everyone else needs. Above a limit the port refuses new work: a connection
 * over a count is closed at once; a connection over its pending-request or unsent-response bound is
 * simply not read (TCP flow control then slows its sender); a connection whose partial frame would take
 * the buffered total over its bound is closed. Nothing already accepted is dropped.
 *
 * @param maxConnections open connections on the port
 * @param maxConnectionsPerAddress open connections from one remote IP address
 * @param maxBufferedFrameBytes bytes of frames not yet complete, over all connections of the port
 * @param maxPendingRequestsPerConnection requests of one connection queued or running, not yet answered
 * @param writeBufferHighWaterMark unsent response bytes at which a connection stops being read
 * @param writeBufferLowWaterMark unsent response bytes at which it is read again
 * @param maxPendingRequestBytesPerConnection bytes of one connection's requests queued or running (a
 *     request's body plus a typical header); the count above bounds them only for small messages
 * @param maxPendingRequestBytes the same over all connections of the port: when a flood of oneway sends
 *     outruns the processors, this, not the heap, is what the port holds
 */
public record ServerLimits(
        int maxConnections,
        int maxConnectionsPerAddress,
        long maxBufferedFrameBytes,
        int maxPendingRequestsPerConnection,
        int writeBufferHighWaterMark,
        int writeBufferLowWaterMark,
        long maxPendingRequestBytesPerConnection,
        long maxPendingRequestBytes) {

    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;
    public static final long DEFAULT_MAX_BUFFERED_FRAME_BYTES = 512L << 20;
    public static final int DEFAULT_MAX_PENDING_REQUESTS_PER_CONNECTION = 4_096;
    public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 8 << 20;
    public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 2 << 20;
    public static final long DEFAULT_MAX_PENDING_REQUEST_BYTES_PER_CONNECTION = 32L << 20;
    public static final long DEFAULT_MAX_PENDING_REQUEST_BYTES = 128L << 20;

    public ServerLimits {
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        requirePositive("maxBufferedFrameBytes", maxBufferedFrameBytes);
        requirePositive("maxPendingRequestsPerConnection", maxPendingRequestsPerConnection);
        requirePositive("writeBufferLowWaterMark", writeBufferLowWaterMark);
        requirePositive("maxPendingRequestBytesPerConnection", maxPendingRequestBytesPerConnection);
        requirePositive("maxPendingRequestBytes", maxPendingRequestBytes);
        if (writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("writeBufferHighWaterMark (" + writeBufferHighWaterMark
                    + ") must not be below writeBufferLowWaterMark (" + writeBufferLowWaterMark + ")");
        }
    }

    /** The limits with the request-byte bounds at their defaults. */
    public ServerLimits(
            int maxConnections,
            int maxConnectionsPerAddress,
            long maxBufferedFrameBytes,
            int maxPendingRequestsPerConnection,
            int writeBufferHighWaterMark,
            int writeBufferLowWaterMark) {
        this(
                maxConnections,
                maxConnectionsPerAddress,
                maxBufferedFrameBytes,
                maxPendingRequestsPerConnection,
                writeBufferHighWaterMark,
                writeBufferLowWaterMark,
                DEFAULT_MAX_PENDING_REQUEST_BYTES_PER_CONNECTION,
                DEFAULT_MAX_PENDING_REQUEST_BYTES);
    }

    public static ServerLimits defaults() {
        return new ServerLimits(
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                DEFAULT_MAX_BUFFERED_FRAME_BYTES,
                DEFAULT_MAX_PENDING_REQUESTS_PER_CONNECTION,
                DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK,
                DEFAULT_WRITE_BUFFER_LOW_WATER_MARK);
    }

    public ServerLimits withConnections(int total, int perAddress) {
        return new ServerLimits(
                total,
                perAddress,
                maxBufferedFrameBytes,
                maxPendingRequestsPerConnection,
                writeBufferHighWaterMark,
                writeBufferLowWaterMark,
                maxPendingRequestBytesPerConnection,
                maxPendingRequestBytes);
    }

    public ServerLimits withMaxBufferedFrameBytes(long bytes) {
        return new ServerLimits(
                maxConnections,
                maxConnectionsPerAddress,
                bytes,
                maxPendingRequestsPerConnection,
                writeBufferHighWaterMark,
                writeBufferLowWaterMark,
                maxPendingRequestBytesPerConnection,
                maxPendingRequestBytes);
    }

    public ServerLimits withMaxPendingRequestsPerConnection(int requests) {
        return new ServerLimits(
                maxConnections,
                maxConnectionsPerAddress,
                maxBufferedFrameBytes,
                requests,
                writeBufferHighWaterMark,
                writeBufferLowWaterMark,
                maxPendingRequestBytesPerConnection,
                maxPendingRequestBytes);
    }

    public ServerLimits withWriteBufferWaterMarks(int low, int high) {
        return new ServerLimits(
                maxConnections,
                maxConnectionsPerAddress,
                maxBufferedFrameBytes,
                maxPendingRequestsPerConnection,
                high,
                low,
                maxPendingRequestBytesPerConnection,
                maxPendingRequestBytes);
    }

    public ServerLimits withMaxPendingRequestBytes(long perConnection, long total) {
        return new ServerLimits(
                maxConnections,
                maxConnectionsPerAddress,
                maxBufferedFrameBytes,
                maxPendingRequestsPerConnection,
                writeBufferHighWaterMark,
                writeBufferLowWaterMark,
                perConnection,
                total);
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
