package io.couriermq.remoting.netty;

/**
 * Some of a port's {@link ServerLimits} as a person configured them, the rest left null: how the boot
 * applications bind {@code courier.namesrv.limits.*}. Each one left unset keeps {@link ServerLimits#defaults()}.
 *
 * @param maxConnections open connections on the port
 * @param maxConnectionsPerAddress open connections from one remote IP address
 * @param maxBufferedFrameBytes bytes of incomplete frames over all connections
 * @param maxPendingRequestsPerConnection requests of one connection queued or running
 * @param writeBufferHighWaterMark unsent response bytes at which a connection stops being read
 * @param writeBufferLowWaterMark unsent response bytes at which it is read again
 * @param maxPendingRequestBytesPerConnection bytes of one connection's requests queued or running
 * @param maxPendingRequestBytes bytes of requests queued or running over all connections of the port
 */
public record ServerLimitsOverrides(
        Integer maxConnections,
        Integer maxConnectionsPerAddress,
        Long maxBufferedFrameBytes,
        Integer maxPendingRequestsPerConnection,
        Integer writeBufferHighWaterMark,
        Integer writeBufferLowWaterMark,
        Long maxPendingRequestBytesPerConnection,
        Long maxPendingRequestBytes) {

    /** The limits, checked: an impossible value throws IllegalArgumentException naming its key. */
    public ServerLimits toServerLimits() {
        ServerLimits defaults = ServerLimits.defaults();
        return new ServerLimits(
                maxConnections == null ? defaults.maxConnections() : maxConnections,
                maxConnectionsPerAddress == null ? defaults.maxConnectionsPerAddress() : maxConnectionsPerAddress,
                maxBufferedFrameBytes == null ? defaults.maxBufferedFrameBytes() : maxBufferedFrameBytes,
                maxPendingRequestsPerConnection == null
                        ? defaults.maxPendingRequestsPerConnection()
                        : maxPendingRequestsPerConnection,
                writeBufferHighWaterMark == null ? defaults.writeBufferHighWaterMark() : writeBufferHighWaterMark,
                writeBufferLowWaterMark == null ? defaults.writeBufferLowWaterMark() : writeBufferLowWaterMark,
                maxPendingRequestBytesPerConnection == null
                        ? defaults.maxPendingRequestBytesPerConnection()
                        : maxPendingRequestBytesPerConnection,
                maxPendingRequestBytes == null ? defaults.maxPendingRequestBytes() : maxPendingRequestBytes);
    }
}
