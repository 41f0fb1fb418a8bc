package io.couriermq.broker.ha;

import io.couriermq.broker.admin.RateMeter;
import io.couriermq.common.time.Clock;
import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.LogChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's side of one slave connection: reads the slave's offset reports, pushes the log from where
 * the slave stands, and sends an idle frame when there is nothing to push. Everything but the status
 * getters runs on the channel's event loop; one chunk is in flight at a time.
 */
final class SlaveConnection extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger log = LoggerFactory.getLogger(SlaveConnection.class);

    private final CommitLogReplica replica;
    private final ReplicationServer server;
    private final Clock clock;
    private final int batchBytes;
    private final long heartbeatIntervalMs;
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private Channel channel;
    private ScheduledFuture<?> heartbeat;
    private boolean writing;
    private long lastWriteMillis;
    /** Where the next frame starts; -1 until the slave's first report. */
    private volatile long nextOffset = -1;
    /** What the slave confirmed, never more than it was sent. */
    private volatile long acknowledgedOffset = -1;

    private volatile long lastReportMillis;
    private volatile long connectedMillis;
    private volatile long startOffset = -1;
    private volatile long transferredBytes;
    private final RateMeter transferRate = new RateMeter(10_000);

    SlaveConnection(
            CommitLogReplica replica, ReplicationServer server, Clock clock, int batchBytes, long heartbeatIntervalMs) {
        this.replica = replica;
        this.server = server;
        this.clock = clock;
        this.batchBytes = batchBytes;
        this.heartbeatIntervalMs = heartbeatIntervalMs;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        channel = context.channel();
        connectedMillis = clock.millis();
        lastReportMillis = connectedMillis;
        heartbeat = context.executor()
                .scheduleAtFixedRate(
                        () -> {
                            transferRate.sample(clock.millis(), transferredBytes);
                            pump();
                        },
                        heartbeatIntervalMs,
                        heartbeatIntervalMs,
                        TimeUnit.MILLISECONDS);
        server.connected(this);
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        server.disconnected(this);
        log.info("slave {} disconnected (acknowledged offset {})", address(), acknowledgedOffset);
        context.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, ByteBuf report) {
        long offset = report.readLong();
        lastReportMillis = clock.millis();
        if (nextOffset < 0) {
            start(offset);
        } else {
            long sent = nextOffset;
            long acknowledged = Math.min(offset, sent);
            if (acknowledged > acknowledgedOffset) {
                acknowledgedOffset = acknowledged;
                server.acknowledged(acknowledged);
            }
        }
        pump();
    }

    /** The first report picks the start: the slave's max offset, or the master's last segment for an empty slave. */
    private void start(long slaveMaxOffset) {
        long masterMax = replica.maxOffset();
        if (slaveMaxOffset > masterMax) {
            log.error(
                    "slave {} reports offset {} beyond this master's max offset {}: its log holds data this"
                            + " master does not have (a different broker set, or a master that lost data);"
                            + " closing. Clear the slave's store to copy this master afresh",
                    address(),
                    slaveMaxOffset,
                    masterMax);
            channel.close();
            return;
        }
        long start = slaveMaxOffset;
        if (slaveMaxOffset == 0) {
            start = masterMax - masterMax % replica.segmentSizeBytes();
        } else if (slaveMaxOffset < replica.minOffset()) {
            log.error(
                    "slave {} needs offset {} but this master keeps its log only from {}; closing. Clear the"
                            + " slave's store to copy this master afresh",
                    address(),
                    slaveMaxOffset,
                    replica.minOffset());
            channel.close();
            return;
        }
        nextOffset = start;
        startOffset = start;
        acknowledgedOffset = slaveMaxOffset;
        server.acknowledged(slaveMaxOffset);
        log.info("slave {} connected at offset {}; replicating from offset {}", address(), slaveMaxOffset, start);
    }

    /** Asks the event loop to push; calls coalesce while one is pending. Any thread. */
    void wakeUp() {
        Channel current = channel;
        if (current != null && pumpScheduled.compareAndSet(false, true)) {
            current.eventLoop().execute(() -> {
                pumpScheduled.set(false);
                pump();
            });
        }
    }

    private void pump() {
        if (writing || nextOffset < 0 || !channel.isActive() || !channel.isWritable()) {
            return;
        }
        LogChunk chunk = replica.read(nextOffset, batchBytes);
        if (chunk == null) {
            if (clock.millis() - lastWriteMillis >= heartbeatIntervalMs) {
                write(HaFrames.header(channel.alloc(), nextOffset, 0), null);
            }
            return;
        }
        ByteBuf frame = Unpooled.wrappedBuffer(
                HaFrames.header(channel.alloc(), chunk.startOffset(), chunk.sizeBytes()),
                Unpooled.wrappedBuffer(chunk.bytes()));
        nextOffset = chunk.endOffset();
        transferredBytes += chunk.sizeBytes();
        server.transferred(chunk.sizeBytes());
        write(frame, chunk);
    }

    private void write(ByteBuf frame, LogChunk chunk) {
        writing = true;
        lastWriteMillis = clock.millis();
        channel.writeAndFlush(frame).addListener(future -> {
            writing = false;
            if (chunk != null) {
                chunk.close();
            }
            if (future.isSuccess()) {
                pump();
            } else {
                log.warn(
                        "sending to slave {} failed: {}",
                        address(),
                        future.cause().toString());
                channel.close();
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        pump();
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            log.warn("slave {} sent nothing for the housekeeping interval; closing", address());
            context.close();
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.warn("replication connection to slave {} failed: {}", address(), cause.toString());
        context.close();
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    String address() {
        Channel current = channel;
        return current == null ? "?" : String.valueOf(current.remoteAddress()).replaceFirst("^/", "");
    }

    /** -1 until the slave's first report. */
    long acknowledgedOffset() {
        return acknowledgedOffset;
    }

    long nextOffset() {
        return nextOffset;
    }

    /** Where replication to this slave started; -1 before its first report. */
    long startOffset() {
        return startOffset;
    }

    /** Log bytes sent per second, over the last heartbeat intervals. */
    double transferredPerSecond() {
        return transferRate.perSecond();
    }

    long lastReportMillis() {
        return lastReportMillis;
    }

    long connectedMillis() {
        return connectedMillis;
    }
}
