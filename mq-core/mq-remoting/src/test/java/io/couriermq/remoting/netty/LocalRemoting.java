package io.couriermq.remoting.netty;

import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.concurrent.ExecutorService;

/**
 * A server on 127.0.0.1 with a free port and a client for it, for integration tests. Closing shuts
 * both down; always use it in try-with-resources or close it in {@code @AfterEach}.
 */
final class LocalRemoting implements AutoCloseable {
    static final ChannelEventListener NO_EVENTS = new ChannelEventListener() {};

    final NettyRemotingServer server;
    final NettyRemotingClient client;
    private final String address;
    private final int port;
    private ExecutorService sharedExecutor;

    LocalRemoting() {
        this(serverConfig(), NO_EVENTS, clientConfig(), NO_EVENTS);
    }

    LocalRemoting(
            RemotingServerConfig serverConfig,
            ChannelEventListener serverEvents,
            RemotingClientConfig clientConfig,
            ChannelEventListener clientEvents) {
        server = new NettyRemotingServer(serverConfig, serverEvents);
        server.start();
        port = server.localPort();
        address = "127.0.0.1:" + port;
        client = new NettyRemotingClient(clientConfig, clientEvents);
    }

    static RemotingServerConfig serverConfig() {
        return new RemotingServerConfig(
                "127.0.0.1", 0, 2, RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES, 120, true, 3_000);
    }

    static RemotingClientConfig clientConfig() {
        return new RemotingClientConfig(1, 3_000, RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES, 120, true);
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }

    /** Registers a processor on an executor shared by the test's processors (4 threads, queue 64). */
    void register(int code, RequestProcessor processor) {
        synchronized (this) {
            if (sharedExecutor == null) {
                sharedExecutor = server.newProcessorExecutor("test-processor", 4, 1024);
            }
        }
        server.registerProcessor(code, processor, sharedExecutor);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.shutdown();
        }
    }
}
