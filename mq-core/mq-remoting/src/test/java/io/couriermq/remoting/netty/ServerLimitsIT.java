package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.testing.Bytes;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits of one port (see {@link ServerLimits}) hold against a peer that opens too many
 * connections, leaves its responses unread, sends more requests than it lets finish, or leaves
 * frames half sent; and the port goes on serving everyone else meanwhile.
 */
class ServerLimitsIT {
    private static final int CODE = 310;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void connectionsOverEitherCountAreClosedAtOnceAndTheirPlacesComeBack() throws Exception {
        NettyRemotingServer server = start(ServerLimits.defaults().withConnections(5, 3), 1 << 20);
        server.registerProcessor(CODE, (context, request) -> ok(request), server.newProcessorExecutor("p", 1, 100));

        // One at a time: connections accepted together are counted in whichever order their event loops run.
        List<Socket> fromFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromFirst.add(connect(server, "127.0.0.1"));
            assertThat(answers(fromFirst.get(i))).isTrue();
        }
        assertThat(answers(connect(server, "127.0.0.1")))
                .as("a 4th from one address")
                .isFalse();
        Socket fromSecond = connect(server, "127.0.0.2");
        assertThat(answers(fromSecond)).isTrue();
        Socket fifth = connect(server, "127.0.0.2");
        assertThat(answers(fifth)).isTrue();
        assertThat(answers(connect(server, "127.0.0.3")))
                .as("a 6th on the port")
                .isFalse();
        for (Socket socket : fromFirst) {
            assertThat(answers(socket)).as("the accepted ones are untouched").isTrue();
        }

        fromFirst.get(0).close();
        await("a closed connection's place is free again")
                .atMost(PATIENCE)
                .until(() -> answers(connect(server, "127.0.0.1")));
    }

    @Test
    void aPeerThatNeverReadsItsResponsesIsNoLongerReadWhileOthersAreServed() throws Exception {
        NettyRemotingServer server =
                start(ServerLimits.defaults().withWriteBufferWaterMarks(32 << 10, 64 << 10), 1 << 20);
        AtomicInteger processed = new AtomicInteger();
        byte[] answer = new byte[16 << 10];
        server.registerProcessor(
                CODE,
                (context, request) -> {
                    processed.incrementAndGet();
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .body(answer)
                            .build();
                },
                server.newProcessorExecutor("p", 2, 10_000));

        int requests = 2_000;
        Socket deaf = new Socket();
        toClose.add(deaf);
        deaf.setReceiveBufferSize(64 << 10);
        deaf.connect(new InetSocketAddress("127.0.0.1", server.localPort()), 3_000);
        List<RemotingCommand> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            sent.add(RemotingCommand.request(CODE).build());
        }
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            try {
                for (RemotingCommand request : sent) {
                    deaf.getOutputStream().write(Bytes.encode(request));
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });

        int[] lastSeen = {-1};
        await("the server stops taking the deaf peer's requests")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int now = processed.get();
                    boolean unchanged = now == lastSeen[0];
                    lastSeen[0] = now;
                    return now > 0 && unchanged;
                });
        int whileDeaf = processed.get();
        assertThat(whileDeaf)
                .as("requests answered while their responses went unread (kernel buffers and the 64 KiB mark)")
                .isLessThan(requests / 2);
        assertThat(answers(connect(server, "127.0.0.1")))
                .as("another peer is served")
                .isTrue();

        DataInputStream in = new DataInputStream(deaf.getInputStream());
        deaf.setSoTimeout(10_000);
        Set<Integer> answered = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            answered.add(readCommand(in).opaque());
        }
        assertThat(answered)
                .as("every request answered once (two processor threads may answer out of order)")
                .isEqualTo(sent.stream().map(RemotingCommand::opaque).collect(Collectors.toSet()));
        writes.get(10, TimeUnit.SECONDS);
        assertThat(processed)
                .as("once it reads, every request is answered (and the other peer's one)")
                .hasValue(requests + 1);
    }

    @Test
    void aConnectionHasAtMostItsBoundOfRequestsQueuedSoItCannotCrowdOutTheOthers() throws Exception {
        NettyRemotingServer server = start(ServerLimits.defaults().withMaxPendingRequestsPerConnection(2), 1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        server.registerProcessor(
                CODE,
                (context, request) -> {
                    if ("hold".equals(request.remark())) {
                        blocked.incrementAndGet();
                        release.await();
                    }
                    return ok(request);
                },
                // Three threads and room for three more: without the bound, ten requests of one peer
                // would take them all and the other peer would be told SYSTEM_BUSY.
                server.newProcessorExecutor("p", 3, 3));

        Socket greedy = connect(server, "127.0.0.1");
        byte[] burst = new byte[0];
        for (int i = 0; i < 10; i++) {
            burst = Bytes.concat(
                    burst,
                    Bytes.encode(RemotingCommand.request(CODE).remark("hold").build()));
        }
        greedy.getOutputStream().write(burst);
        await().atMost(PATIENCE).until(() -> blocked.get() == 2);

        assertThat(answers(connect(server, "127.0.0.1")))
                .as("another peer is served")
                .isTrue();
        assertThat(blocked)
                .as("the greedy peer still has only its bound running")
                .hasValue(2);

        release.countDown();
        DataInputStream in = new DataInputStream(greedy.getInputStream());
        greedy.setSoTimeout(10_000);
        for (int i = 0; i < 10; i++) {
            RemotingCommand response = readCommand(in);
            assertThat(response.code()).as("nothing refused, only held back").isEqualTo(ResponseCode.SUCCESS.code());
        }
    }

    @Test
    void aFloodOfOnewayRequestsHoldsAtMostThePortsBoundOfRequestBytesAndLosesNothing() throws Exception {
        int requestBytes = CommandSizeEstimator.sizeOf(
                RemotingCommand.request(CODE).body(new byte[64 << 10]).build());
        long portBound = 3L << 19; // room for 23 such requests, a connection for 15
        NettyRemotingServer server =
                start(ServerLimits.defaults().withMaxPendingRequestBytes(1 << 20, portBound), 1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger processed = new AtomicInteger();
        server.registerProcessor(
                CODE,
                (context, request) -> {
                    release.await();
                    processed.incrementAndGet();
                    return request.isOneway() ? null : ok(request);
                },
                // a queue that would take the whole flood: only the byte bounds stand in its way
                server.newProcessorExecutor("p", 1, 100_000));

        int perSender = 512; // 32 MiB each, more than the bounds and the sockets' buffers together
        List<CompletableFuture<Void>> floods = new ArrayList<>();
        for (int sender = 0; sender < 2; sender++) {
            OutputStream out = connect(server, "127.0.0.1").getOutputStream();
            floods.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < perSender; i++) {
                        out.write(Bytes.encode(RemotingCommand.request(CODE)
                                .oneway()
                                .body(new byte[64 << 10])
                                .build()));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        await().atMost(PATIENCE).until(() -> server.pendingRequestBytes() > portBound - requestBytes);

        Socket probe = connect(server, "127.0.0.1");
        probe.getOutputStream()
                .write(Bytes.encode(
                        RemotingCommand.request(CODE).body(new byte[64 << 10]).build()));
        RemotingCommand refused = readCommand(new DataInputStream(probe.getInputStream()));
        assertThat(refused.code())
                .as("a request that expects an answer hears at once that the port is full")
                .isEqualTo(ResponseCode.SYSTEM_BUSY.code());
        assertThat(refused.remark()).contains("bound of request bytes");
        assertThat(server.pendingRequestBytes())
                .as("what the flood holds in the server")
                .isLessThanOrEqualTo(portBound);
        assertThat(floods).as("the senders are slowed by TCP, not drained").noneMatch(CompletableFuture::isDone);

        release.countDown();
        CompletableFuture.allOf(floods.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed.get() == 2 * perSender);
        await().atMost(PATIENCE).until(() -> server.pendingRequestBytes() == 0);
    }

    @Test
    void halfSentFramesOverThePortsBudgetCloseTheConnectionThatWentOver() throws Exception {
        NettyRemotingServer server = start(ServerLimits.defaults().withMaxBufferedFrameBytes(100 << 10), 64 << 10);
        server.registerProcessor(CODE, (context, request) -> ok(request), server.newProcessorExecutor("p", 1, 100));
        RemotingCommand big =
                RemotingCommand.request(CODE).body(new byte[60 << 10]).build();
        byte[] frame = Bytes.encode(big);
        byte[] firstPart = Arrays.copyOf(frame, 60 << 10);
        byte[] rest = Arrays.copyOfRange(frame, 60 << 10, frame.length);

        Socket first = connect(server, "127.0.0.1");
        first.getOutputStream().write(firstPart);
        await().atMost(PATIENCE).until(() -> server.bufferedFrameBytes() == firstPart.length);
        Socket second = connect(server, "127.0.0.1");
        second.getOutputStream().write(firstPart);

        assertThat(closedByPeer(second))
                .as("the connection that went over is closed")
                .isTrue();
        first.getOutputStream().write(rest);
        RemotingCommand answered = readCommand(new DataInputStream(first.getInputStream()));
        assertThat(answered.opaque())
                .as("the one within the budget completes its frame")
                .isEqualTo(big.opaque());
        await().atMost(PATIENCE).until(() -> server.bufferedFrameBytes() == 0);
        assertThat(answers(connect(server, "127.0.0.1"))).isTrue();
    }

    @Test
    void requestsOfAConnectionThatClosedWhileTheyWaitedAreSkippedButItsOnewayOnesRun() throws Exception {
        CountDownLatch closedSeen = new CountDownLatch(1);
        NettyRemotingServer server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {
                    @Override
                    public void onClosed(RemotingChannel channel) {
                        closedSeen.countDown();
                    }
                });
        toClose.add(server);
        server.start();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger oneway = new AtomicInteger();
        int blockingCode = CODE + 1;
        ThreadPoolExecutor single = (ThreadPoolExecutor) server.newProcessorExecutor("p", 1, 100);
        server.registerProcessor(
                blockingCode,
                (context, request) -> {
                    release.await();
                    return ok(request);
                },
                single);
        server.registerProcessor(
                CODE,
                (context, request) -> {
                    (request.isOneway() ? oneway : answered).incrementAndGet();
                    return request.isOneway() ? null : ok(request);
                },
                single);

        Socket leaving = connect(server, "127.0.0.1");
        OutputStream out = leaving.getOutputStream();
        out.write(Bytes.encode(RemotingCommand.request(blockingCode).build()));
        for (int i = 0; i < 5; i++) {
            out.write(Bytes.encode(RemotingCommand.request(CODE).build()));
        }
        out.write(Bytes.encode(RemotingCommand.request(CODE).oneway().build()));
        out.flush();
        await("one request runs and six wait")
                .atMost(PATIENCE)
                .until(() -> single.getQueue().size() == 6);
        leaving.close();
        assertThat(closedSeen.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        release.countDown();

        await("the oneway request, queued last, ran").atMost(PATIENCE).until(() -> oneway.get() == 1);
        assertThat(answered.get())
                .as("requests whose answers could no longer arrive")
                .isZero();
        Socket staying = connect(server, "127.0.0.1");
        assertThat(answers(staying)).as("an open connection is still served").isTrue();
        assertThat(answered.get()).isEqualTo(1);
    }

    private NettyRemotingServer start(ServerLimits limits, int maxFrameBytes) {
        RemotingServerConfig config = RemotingServerConfig.defaults(0)
                .withBindAddress("0.0.0.0")
                .withMaxFrameBytes(maxFrameBytes)
                .withLimits(limits);
        NettyRemotingServer server = new NettyRemotingServer(config, new ChannelEventListener() {});
        toClose.add(server);
        // Registering after start is allowed; start first so the tests read top-down.
        server.start();
        return server;
    }

    private Socket connect(NettyRemotingServer server, String fromAddress) throws IOException {
        Socket socket = new Socket();
        toClose.add(socket);
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.localPort()), 3_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Whether a request on {@code socket} is answered; false when the server closed it. */
    private static boolean answers(Socket socket) {
        try {
            RemotingCommand request = RemotingCommand.request(CODE).build();
            socket.getOutputStream().write(Bytes.encode(request));
            return readCommand(new DataInputStream(socket.getInputStream())).opaque() == request.opaque();
        } catch (IOException closed) {
            return false;
        }
    }

    private static boolean closedByPeer(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    private static RemotingCommand readCommand(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[4 + length];
        java.nio.ByteBuffer.wrap(frame).putInt(length);
        in.readFully(frame, 4, length);
        return Bytes.decode(frame);
    }

    private static RemotingCommand ok(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }
}
