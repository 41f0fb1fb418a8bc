package io.couriermq.broker.ha;

import io.couriermq.broker.admin.RateMeter;
import io.couriermq.broker.config.HaConfig;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyTransport;
import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.ReplicaAppendException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave's side: keeps one connection to the master's HA port, appends every frame's bytes at
 * exactly its own max offset and reports the new max offset back (at connect, after each append and
 * every {@code haSendHeartbeatInterval}). Reconnects after a second when the connection drops, to
 * wherever the master's HA address points then.
 */
public final class ReplicationClient {
    private static final Logger log = LoggerFactory.getLogger(ReplicationClient.class);
    private static final long RECONNECT_DELAY_MS = 1_000;

    private final CommitLogReplica replica;
    private final HaConfig config;
    private final Clock clock;
    private final Supplier<String> masterHaAddress;
    private EventLoopGroup group;
    private volatile Channel channel;
    private volatile String connectedTo;
    private volatile long lastReceiveMillis;
    private volatile long lastReportMillis;
    private volatile long receivedBytes;
    private volatile boolean stopped;
    private final RateMeter receiveRate = new RateMeter(10_000);

    /** @param masterHaAddress the master's {@code host:haPort}; null while unknown */
    public ReplicationClient(CommitLogReplica replica, HaConfig config, Clock clock, Supplier<String> masterHaAddress) {
        this.replica = replica;
        this.config = config;
        this.clock = clock;
        this.masterHaAddress = masterHaAddress;
    }

    public synchronized void start() {
        group = NettyTransport.choose(true).newEventLoopGroup(1, "ha-slave");
        group.scheduleWithFixedDelay(this::keepConnected, 0, RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** Connects when not connected, and moves to a new master address when the old one is gone. */
    private void keepConnected() {
        String address = masterHaAddress.get();
        Channel current = channel;
        if (stopped || address == null) {
            return;
        }
        if (current != null && current.isActive()) {
            if (!address.equals(connectedTo)) {
                log.info("master HA address changed from {} to {}; reconnecting", connectedTo, address);
                current.close();
            }
            return;
        }
        if (current != null && current.isOpen()) {
            return; // still connecting
        }
        connect(address);
    }

    private void connect(String address) {
        int colon = address.lastIndexOf(':');
        NettyTransport transport = NettyTransport.choose(true);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3_000)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(
                                        config.haHousekeepingInterval(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(new LengthFieldBasedFrameDecoder(
                                        HaFrames.HEADER_BYTES + HaFrames.MAX_BODY_BYTES, 8, 4, 0, 0))
                                .addLast(new MasterFrames(address));
                    }
                });
        ChannelFuture connecting =
                bootstrap.connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        channel = connecting.channel();
        connectedTo = address;
        connecting.addListener(future -> {
            if (!future.isSuccess()) {
                log.debug(
                        "cannot reach master HA port {}: {}",
                        address,
                        future.cause().toString());
            }
        });
    }

    private void report(Channel ch) {
        lastReportMillis = clock.millis();
        receiveRate.sample(lastReportMillis, receivedBytes);
        ch.writeAndFlush(HaFrames.report(ch.alloc(), replica.maxOffset()));
    }

    /** Whether the master's frames are arriving (connected, and heard from within the housekeeping interval). */
    public boolean masterReachable() {
        Channel current = channel;
        return current != null
                && current.isActive()
                && clock.millis() - lastReceiveMillis < config.haHousekeepingInterval();
    }

    public String masterAddress() {
        return connectedTo;
    }

    public long lastReceiveMillis() {
        return lastReceiveMillis;
    }

    public long lastReportMillis() {
        return lastReportMillis;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    /** Log bytes received per second lately. */
    public long receivedPerSecond() {
        return (long) receiveRate.perSecond();
    }

    public synchronized void shutdown() {
        stopped = true;
        Channel current = channel;
        if (current != null) {
            current.close().awaitUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }

    /** Reads the master's frames on one connection. */
    private final class MasterFrames extends SimpleChannelInboundHandler<ByteBuf> {
        private final String address;
        private io.netty.util.concurrent.ScheduledFuture<?> heartbeat;

        MasterFrames(String address) {
            this.address = address;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            lastReceiveMillis = clock.millis();
            log.info("connected to master HA port {}; reporting offset {}", address, replica.maxOffset());
            report(context.channel());
            long interval = config.haSendHeartbeatInterval();
            heartbeat = context.executor()
                    .scheduleAtFixedRate(() -> report(context.channel()), interval, interval, TimeUnit.MILLISECONDS);
            context.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            if (!stopped) {
                log.warn(
                        "connection to master HA port {} closed; replication paused at offset {}",
                        address,
                        replica.maxOffset());
            }
            context.fireChannelInactive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            lastReceiveMillis = clock.millis();
            long offset = frame.readLong();
            int size = frame.readInt();
            long own = replica.maxOffset();
            boolean empty = own == 0 && replica.minOffset() == 0;
            if (offset != own && !empty) {
                log.error(
                        "master {} sent bytes for offset {} but this slave's log ends at {}; closing (the"
                                + " logs differ: clear this slave's store to copy the master afresh)",
                        address,
                        offset,
                        own);
                context.close();
                return;
            }
            if (size == 0) {
                return;
            }
            try {
                replica.append(offset, frame.nioBuffer(frame.readerIndex(), size));
            } catch (ReplicaAppendException e) {
                log.error("cannot append the master's bytes at offset {}: {}; closing", offset, e.getMessage());
                context.close();
                return;
            }
            receivedBytes += size;
            report(context.channel());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent) {
                log.warn("master HA port {} sent nothing for the housekeeping interval; closing", address);
                context.close();
            } else {
                context.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.warn("replication connection to master {} failed: {}", address, cause.toString());
            context.close();
        }
    }
}
