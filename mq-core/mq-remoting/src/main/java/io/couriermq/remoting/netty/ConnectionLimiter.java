package io.couriermq.remoting.netty;

import io.couriermq.remoting.logging.RateLimitedLog;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a port's open connections, in total and per remote address, and closes a new one that would
 * go over either limit before anything is read from it. The refusals are logged at most once a minute
 * per cause (ConnectionHandler.LOG_WINDOW) with how many there were, so a flood of connections cannot
 * flood the log as well.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("courier.countedConnection");

    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> openPerAddress = new ConcurrentHashMap<>();
    private final RateLimitedLog refusals = new RateLimitedLog(log, ConnectionHandler.LOG_WINDOW);

    ConnectionLimiter(ServerLimits limits) {
        this.maxConnections = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
    }

    int openConnections() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        String refusal = admit(address);
        if (refusal != null) {
            report(refusal.startsWith("the port") ? "maxConnections" : "maxConnectionsPerAddress", refusal);
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(address);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address == null) {
            return; // refused: the handlers behind never saw it open
        }
        release(address);
        super.channelInactive(ctx);
    }

    /** Takes a place for a connection from {@code address}; the reason when there is none. */
    private String admit(InetAddress address) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return "the port has its maximum of " + maxConnections + " connections (maxConnections)";
        }
        boolean[] full = {false};
        openPerAddress.compute(address, (any, count) -> {
            int current = count == null ? 0 : count;
            full[0] = current >= maxPerAddress;
            return full[0] ? count : current + 1;
        });
        if (full[0]) {
            open.decrementAndGet();
            return address.getHostAddress() + " has its maximum of " + maxPerAddress
                    + " connections (maxConnectionsPerAddress)";
        }
        return null;
    }

    private void release(InetAddress address) {
        open.decrementAndGet();
        openPerAddress.computeIfPresent(address, (any, count) -> count <= 1 ? null : count - 1);
    }

    private void report(String cause, String refusal) {
        refusals.warn(cause, "refused a new connection: {}", refusal);
    }
}
