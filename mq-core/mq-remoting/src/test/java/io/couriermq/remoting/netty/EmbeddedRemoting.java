package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsPolicyHandler;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.ProcessorRegistry;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.remoting.rpc.ResponseTable;
import io.couriermq.remoting.testing.DirectExecutorService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's pipeline with TLS disabled (TLS policy, idle, decoder, encoder, connections, dispatcher) on
 * {@link EmbeddedChannel}s,
 * with the handlers shared between channels exactly as {@link NettyRemotingServer} shares them.
 */
final class EmbeddedRemoting {
    final ProcessorRegistry processors = new ProcessorRegistry();
    final ManualTimer timer = new ManualTimer();
    final RemotingChannels channels = new RemotingChannels(() -> timer);
    final ResponseTable responses = channels.responses();
    final List<RemotingChannel> closedChannels = new CopyOnWriteArrayList<>();
    final CommandDispatcher dispatcher = new CommandDispatcher(processors, channels);
    private final RemotingCommandEncoder encoder = new RemotingCommandEncoder();
    private final ConnectionHandler connections = new ConnectionHandler("server", channels, new ChannelEventListener() {
        @Override
        public void onClosed(RemotingChannel channel) {
            closedChannels.add(channel);
        }
    });

    EmbeddedChannel newChannel() {
        return newChannel(RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES);
    }

    EmbeddedChannel newChannel(int maxFrameBytes) {
        return new EmbeddedChannel(
                new TlsPolicyHandler(TlsMode.DISABLED, null),
                new IdleStateHandler(0, 0, 120),
                new RemotingCommandDecoder(maxFrameBytes),
                encoder,
                connections,
                dispatcher);
    }

    /** Registers a processor that runs on the thread that writes the inbound bytes. */
    void register(int code, RequestProcessor processor) {
        processors.register(code, processor, new DirectExecutorService());
    }

    /** Bytes in a pooled buffer, so paranoid leak detection tracks them and refCnt can be checked. */
    static ByteBuf pooled(byte[] bytes) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(bytes.length);
        buffer.writeBytes(bytes);
        return buffer;
    }

    /** Takes the next written frame off the channel, decodes and releases it; null when nothing was written. */
    static RemotingCommand readWritten(EmbeddedChannel channel) {
        channel.runPendingTasks();
        ByteBuf frame = channel.readOutbound();
        if (frame == null) {
            return null;
        }
        try {
            int length = frame.readInt();
            if (length != frame.readableBytes()) {
                throw new AssertionError("length field " + length + " but " + frame.readableBytes() + " bytes follow");
            }
            return RemotingFrames.decode(frame);
        } finally {
            frame.release();
        }
    }
}
