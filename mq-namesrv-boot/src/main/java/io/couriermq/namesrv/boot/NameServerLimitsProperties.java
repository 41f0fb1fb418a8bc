package io.couriermq.namesrv.boot;

import io.couriermq.remoting.netty.ServerLimits;

/**
 * {@code courier.namesrv.limits.*}: what the NameServer's port lets its peers hold. Each one left unset
 * keeps {@link ServerLimits#defaults()}.
 *
 * @param maxConnections open connections on the port
 * @param maxConnectionsPerAddress open connections from one remote IP address
 * @param maxBufferedFrameBytes bytes of incomplete frames over all connections
 * @param maxPendingRequestsPerConnection requests of one connection queued or running
 * @param writeBufferHighWaterMark unsent response bytes at which a connection stops being read
 * @param writeBufferLowWaterMark unsent response bytes at which it is read again
 */
public record NameServerLimitsProperties(
        Integer maxConnections,
        Integer maxConnectionsPerAddress,
        Long maxBufferedFrameBytes,
        Integer maxPendingRequestsPerConnection,
        Integer writeBufferHighWaterMark,
        Integer writeBufferLowWaterMark) {

    ServerLimits toServerLimits() {
        ServerLimits defaults = ServerLimits.defaults();
        return new ServerLimits(
                maxConnections == null ? defaults.maxConnections() : maxConnections,
                maxConnectionsPerAddress == null ? defaults.maxConnectionsPerAddress() : maxConnectionsPerAddress,
                maxBufferedFrameBytes == null ? defaults.maxBufferedFrameBytes() : maxBufferedFrameBytes,
                maxPendingRequestsPerConnection == null
                        ? defaults.maxPendingRequestsPerConnection()
                        : maxPendingRequestsPerConnection,
                writeBufferHighWaterMark == null ? defaults.writeBufferHighWaterMark() : writeBufferHighWaterMark,
                writeBufferLowWaterMark == null ? defaults.writeBufferLowWaterMark() : writeBufferLowWaterMark);
    }
}
