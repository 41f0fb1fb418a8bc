package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests a port has taken and not yet finished (queued for or running on a processor), counted
 * per connection and in bytes over the port, so that what a flood of requests holds in memory is bounded
 * by configuration, not by the heap. A request is sized as the peer's frame would be: its body plus a
 * typical header ({@link CommandSizeEstimator}). A request larger than a byte bound is still taken when
 * nothing else is pending, so no request waits forever. Admission runs on event loops, release on
 * processor threads.
 */
final class PendingRequests {
    /** Whether a request was taken, or which bound it would break. */
    enum Admission {
        TAKEN,
        CONNECTION_FULL,
        PORT_FULL
    }

    private static final AttributeKey<Connection> KEY = AttributeKey.valueOf("courier.pendingRequests");

    private final int maxRequestsPerConnection;
    private final long maxBytesPerConnection;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    PendingRequests(int maxRequestsPerConnection, long maxBytesPerConnection, long maxBytes) {
        this.maxRequestsPerConnection = maxRequestsPerConnection;
        this.maxBytesPerConnection = maxBytesPerConnection;
        this.maxBytes = maxBytes;
    }

    static PendingRequests of(ServerLimits limits) {
        return new PendingRequests(
                limits.maxPendingRequestsPerConnection(),
                limits.maxPendingRequestBytesPerConnection(),
                limits.maxPendingRequestBytes());
    }

    /** No bounds: a client's peers send it few requests, and it must always read its responses. */
    static PendingRequests unbounded() {
        return new PendingRequests(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Counts {@code request} as pending on {@code channel} unless that breaks a bound; then nothing changes. */
    Admission admit(Channel channel, RemotingCommand request) {
        long size = sizeOf(request);
        Connection connection = connectionOf(channel);
        if (connection.requests.incrementAndGet() > maxRequestsPerConnection) {
            connection.requests.decrementAndGet();
            return Admission.CONNECTION_FULL;
        }
        if (!take(connection.bytes, size, maxBytesPerConnection)) {
            connection.requests.decrementAndGet();
            return Admission.CONNECTION_FULL;
        }
        if (!take(bytes, size, maxBytes)) {
            connection.bytes.addAndGet(-size);
            connection.requests.decrementAndGet();
            return Admission.PORT_FULL;
        }
        return Admission.TAKEN;
    }

    /** The request admitted on {@code channel} is done. */
    void release(Channel channel, RemotingCommand request) {
        long size = sizeOf(request);
        Connection connection = connectionOf(channel);
        connection.requests.decrementAndGet();
        connection.bytes.addAndGet(-size);
        bytes.addAndGet(-size);
    }

    /** Bytes of requests pending over the port now. */
    long bytes() {
        return bytes.get();
    }

    /** Adds {@code size} unless the sum would pass {@code max} with something already counted. */
    private static boolean take(AtomicLong counter, long size, long max) {
        long after = counter.addAndGet(size);
        if (after > max && after != size) {
            counter.addAndGet(-size);
            return false;
        }
        return true;
    }

    private static long sizeOf(RemotingCommand request) {
        return CommandSizeEstimator.sizeOf(request);
    }

    private static Connection connectionOf(Channel channel) {
        Connection connection = channel.attr(KEY).get();
        if (connection == null) {
            connection = new Connection();
            Connection raced = channel.attr(KEY).setIfAbsent(connection);
            connection = raced == null ? connection : raced;
        }
        return connection;
    }

    private static final class Connection {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
    }
}
