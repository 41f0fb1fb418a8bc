package io.couriermq.broker.ha;

import io.couriermq.broker.config.HaConfig;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyTransport;
import io.couriermq.store.CommitLogReplica;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's HA port: accepts slaves, pushes the commit log to each ({@link SlaveConnection}) as soon
 * as a put appends, and turns their acknowledgements into progress for SYNC_MASTER waiters.
 */
public final class ReplicationServer {
    private static final Logger log = LoggerFactory.getLogger(ReplicationServer.class);

    private final CommitLogReplica replica;
    private final HaConfig config;
    private final Clock clock;
    private final SyncReplicationWaiters waiters;
    private final List<SlaveConnection> slaves = new CopyOnWriteArrayList<>();
    private final AtomicLong transferredBytes = new AtomicLong();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public ReplicationServer(CommitLogReplica replica, HaConfig config, Clock clock, SyncReplicationWaiters waiters) {
        this.replica = replica;
        this.config = config;
        this.clock = clock;
        this.waiters = waiters;
    }

    /** Binds {@code port} (0 = any free port) on {@code bindAddress}. */
    public synchronized void start(String bindAddress, int port) {
        NettyTransport transport = NettyTransport.choose(true);
        boss = transport.newEventLoopGroup(1, "ha-boss");
        workers = transport.newEventLoopGroup(1, "ha-master");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.haTransferBatchSize(), 4 * config.haTransferBatchSize()))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(new IdleStateHandler(
                                        config.haHousekeepingInterval(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(new FixedLengthFrameDecoder(HaFrames.REPORT_BYTES))
                                .addLast(new SlaveConnection(
                                        replica,
                                        ReplicationServer.this,
                                        clock,
                                        config.haTransferBatchSize(),
                                        config.haSendHeartbeatInterval()));
                    }
                });
        try {
            serverChannel = bootstrap.bind(bindAddress, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
            throw new IllegalStateException("interrupted while binding the HA port " + port, e);
        } catch (Exception e) {
            shutdown();
            throw new IllegalStateException(
                    "cannot listen for slaves on " + bindAddress + ":" + port + ": " + e.getMessage()
                            + " (set haListenPort to a free port)",
                    e);
        }
        replica.addAppendListener(end -> slaves.forEach(SlaveConnection::wakeUp));
        log.info("HA port {} open for slaves ({})", localPort(), transport.describe());
    }

    public int localPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    void connected(SlaveConnection slave) {
        slaves.add(slave);
    }

    void disconnected(SlaveConnection slave) {
        slaves.remove(slave);
    }

    void acknowledged(long offset) {
        waiters.acknowledged(offset);
    }

    void transferred(int bytes) {
        transferredBytes.addAndGet(bytes);
    }

    /**
     * Whether a SYNC_MASTER put ending at {@code endOffset} may wait for a slave: one is connected and the
     * best of them is at most {@code haMaxGapNotInSync} bytes behind.
     */
    public boolean slaveAvailable(long endOffset) {
        long best = bestAcknowledgedOffset();
        return best >= 0 && endOffset - best <= config.haMaxGapNotInSync();
    }

    /** The highest offset any connected slave has confirmed; -1 with none connected. */
    public long bestAcknowledgedOffset() {
        long best = -1;
        for (SlaveConnection slave : slaves) {
            best = Math.max(best, slave.acknowledgedOffset());
        }
        return best;
    }

    public List<SlaveStatus> slaves() {
        long masterMax = replica.maxOffset();
        long now = clock.millis();
        return slaves.stream()
                .map(slave -> {
                    long acknowledged = Math.max(0, slave.acknowledgedOffset());
                    long lag = Math.max(0, masterMax - acknowledged);
                    return new SlaveStatus(
                            slave.address(),
                            acknowledged,
                            lag,
                            now - slave.lastReportMillis(),
                            slave.acknowledgedOffset() >= 0 && lag <= config.haMaxGapNotInSync(),
                            Math.max(0, slave.nextOffset()),
                            slave.startOffset(),
                            (long) slave.transferredPerSecond());
                })
                .toList();
    }

    public long transferredBytes() {
        return transferredBytes.get();
    }

    public synchronized void shutdown() {
        slaves.forEach(SlaveConnection::close);
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            serverChannel = null;
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            boss = null;
            workers = null;
        }
    }

    /**
     * One slave as the master sees it.
     *
     * @param acknowledgedOffset what it confirmed (never more than it was sent)
     * @param lagBytes the master's max offset minus that
     * @param lastReportAgeMs ms since its last offset report
     * @param inSync whether it counts for SYNC_MASTER (lag within haMaxGapNotInSync)
     * @param sentOffset where the next frame to it starts
     * @param startOffset where replication to it started (-1 before its first report)
     * @param bytesPerSecond log bytes sent to it per second lately
     */
    public record SlaveStatus(
            String address,
            long acknowledgedOffset,
            long lagBytes,
            long lastReportAgeMs,
            boolean inSync,
            long sentOffset,
            long startOffset,
            long bytesPerSecond) {}
}
