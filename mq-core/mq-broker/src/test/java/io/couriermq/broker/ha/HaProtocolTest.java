package io.couriermq.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.HaConfig;
import io.couriermq.common.message.Message;
import io.couriermq.common.time.Clock;
import io.couriermq.store.LogChunk;
import io.couriermq.store.PutStatus;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.engine.FileMessageStore;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HA wire protocol against hand-driven peers on real sockets: a fake slave reads our master's
 * frames, a fake master feeds our slave.
 */
class HaProtocolTest {
    private static final int SEGMENT = 64 * 1024;
    private static final int BATCH = 4096;
    private static final HaConfig HA = new HaConfig(0, null, 200, 1_500, BATCH, 1L << 30, false, 40);

    @TempDir
    Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private FileMessageStore store(String name) {
        FileMessageStore store = FileMessageStore.open(
                StoreConfig.builder(dir.resolve(name))
                        .mappedFileSizeCommitLog(SEGMENT)
                        .mappedFileSizeConsumeQueue(20 * 100)
                        .maxMessageSize(16 * 1024)
                        .build(),
                Clock.system());
        closing.add(store::shutdown);
        return store;
    }

    private ReplicationServer server(FileMessageStore master, SyncReplicationWaiters waiters) {
        ReplicationServer server = new ReplicationServer(master.replication(), HA, Clock.system(), waiters);
        server.start("127.0.0.1", 0);
        closing.add(server::shutdown);
        return server;
    }

    private static void put(FileMessageStore store, int count, int bodyBytes) {
        for (int i = 0; i < count; i++) {
            Message message = Message.builder("T", i % 4)
                    .body((i + ":" + "x".repeat(bodyBytes)).getBytes(StandardCharsets.UTF_8))
                    .bornHost(new InetSocketAddress("127.0.0.1", 5000))
                    .storeHost(new InetSocketAddress("127.0.0.1", 10911))
                    .build();
            assertThat(store.putMessage(message).join().status()).isEqualTo(PutStatus.PUT_OK);
        }
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        closing.add(socket);
        return socket;
    }

    private static void report(Socket socket, long offset) throws IOException {
        new DataOutputStream(socket.getOutputStream()).writeLong(offset);
    }

    private record Frame(long offset, byte[] body) {}

    private static Frame readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        long offset = in.readLong();
        int size = in.readInt();
        byte[] body = new byte[size];
        in.readFully(body);
        return new Frame(offset, body);
    }

    private static byte[] masterBytes(FileMessageStore master, long from, long to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long offset = from;
        while (offset < to) {
            try (LogChunk chunk = master.replication().read(offset, (int) Math.min(SEGMENT, to - offset))) {
                ByteBuffer buffer = chunk.bytes();
                byte[] part = new byte[buffer.remaining()];
                buffer.get(part);
                bytes.writeBytes(part);
                offset = chunk.endOffset();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theMasterStreamsItsLogInBoundedFramesThatNeverCrossASegmentThenIdleFrames() throws Exception {
        FileMessageStore master = store("master");
        put(master, 100, 700); // more than one segment
        long end = master.replication().maxOffset();
        ReplicationServer server = server(master, new SyncReplicationWaiters());
        Socket slave = connect(server.localPort());
        report(slave, 0);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long expected = end - end % SEGMENT; // an empty slave starts at the master's last segment
        long firstOffset = -1;
        while (expected < end) {
            Frame frame = readFrame(slave);
            if (frame.body().length == 0) {
                continue;
            }
            if (firstOffset < 0) {
                firstOffset = frame.offset();
            }
            assertThat(frame.offset()).isEqualTo(expected);
            assertThat(frame.body().length).isLessThanOrEqualTo(BATCH);
            assertThat(frame.offset() / SEGMENT).isEqualTo((frame.offset() + frame.body().length - 1) / SEGMENT);
            received.writeBytes(frame.body());
            expected += frame.body().length;
        }
        assertThat(firstOffset).isEqualTo(SEGMENT);
        assertThat(received.toByteArray()).isEqualTo(masterBytes(master, SEGMENT, end));

        Frame idle = readFrame(slave);
        assertThat(idle.body()).isEmpty();
        assertThat(idle.offset()).isEqualTo(end);
    }

    @Test
    void aSlaveResumesWhereItStandsAndItsAcknowledgementCountsOnlyUpToWhatItWasSent() throws Exception {
        FileMessageStore master = store("master");
        put(master, 20, 100);
        long resume;
        try (LogChunk first = master.replication().read(0, 1000)) {
            resume = first.endOffset();
        }
        SyncReplicationWaiters waiters = new SyncReplicationWaiters();
        ReplicationServer server = server(master, waiters);
        Socket slave = connect(server.localPort());
        report(slave, resume);

        Frame frame = readFrame(slave);
        assertThat(frame.offset()).isEqualTo(resume);
        long sent = frame.offset() + frame.body().length;
        assertThat(sent).isEqualTo(master.replication().maxOffset());

        report(slave, sent + 10_000); // claims more than it got
        await().until(() -> server.bestAcknowledgedOffset() == sent);
        assertThat(waiters.acknowledgedOffset()).isEqualTo(sent);
        assertThat(server.slaves()).singleElement().satisfies(status -> {
            assertThat(status.acknowledgedOffset()).isEqualTo(sent);
            assertThat(status.lagBytes()).isZero();
            assertThat(status.inSync()).isTrue();
        });

        put(master, 1, 100); // a new put is pushed at once
        Frame next = readFrame(slave);
        while (next.body().length == 0) {
            next = readFrame(slave);
        }
        assertThat(next.offset()).isEqualTo(sent);
    }

    @Test
    void aSlaveAheadOfTheMasterIsDisconnectedAndASilentOneIsDroppedAfterHousekeeping() throws Exception {
        FileMessageStore master = store("master");
        put(master, 5, 100);
        ReplicationServer server = server(master, new SyncReplicationWaiters());

        Socket ahead = connect(server.localPort());
        report(ahead, master.replication().maxOffset() + 1);
        assertClosed(ahead);

        Socket silent = connect(server.localPort());
        await().until(() -> server.slaves().size() == 1);
        assertThat(server.bestAcknowledgedOffset()).isEqualTo(-1); // connected, nothing reported yet
        await().atMost(Duration.ofSeconds(5)).until(() -> server.slaves().isEmpty());
        assertClosed(silent);
    }

    private static void assertClosed(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                in.readLong();
                in.readInt(); // idle frames may come first; skip their headers
            } catch (EOFException | java.net.SocketException e) {
                return;
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        throw new AssertionError("the master did not close the connection");
    }

    @Test
    void ourSlaveAppendsExactlyAtItsEndReportsProgressAndClosesOnAForeignOffset() throws Exception {
        FileMessageStore source = store("source");
        put(source, 30, 100);
        FileMessageStore slaveStore = store("slave");
        slaveStore.replication().setReplicaMode(true);
        try (ServerSocket fakeMaster = new ServerSocket(0)) {
            fakeMaster.setSoTimeout(5_000);
            ReplicationClient client = new ReplicationClient(
                    slaveStore.replication(), HA, Clock.system(), () -> "127.0.0.1:" + fakeMaster.getLocalPort());
            client.start();
            closing.add(client::shutdown);

            Socket toSlave = fakeMaster.accept();
            toSlave.setSoTimeout(5_000);
            closing.add(toSlave);
            DataInputStream reports = new DataInputStream(toSlave.getInputStream());
            assertThat(reports.readLong()).isZero();

            byte[] bytes = masterBytes(source, 0, source.replication().maxOffset());
            DataOutputStream frames = new DataOutputStream(toSlave.getOutputStream());
            frames.writeLong(0);
            frames.writeInt(bytes.length);
            frames.write(bytes);
            frames.flush();
            long report = reports.readLong();
            while (report != bytes.length) {
                report = reports.readLong(); // a heartbeat report may come first
            }
            assertThat(slaveStore.replication().maxOffset()).isEqualTo(bytes.length);
            await().until(() -> slaveStore.maxOffset("T", 0) == source.maxOffset("T", 0));
            await().until(client::masterReachable);

            frames.writeLong(bytes.length + 8); // not where the slave's log ends
            frames.writeInt(4);
            frames.writeInt(42);
            frames.flush();
            assertThat(drainUntilClosed(reports)).isTrue();
            assertThat(slaveStore.replication().maxOffset()).isEqualTo(bytes.length);

            Socket again = fakeMaster.accept(); // it reconnects and reports where it stands
            closing.add(again);
            assertThat(new DataInputStream(again.getInputStream()).readLong()).isEqualTo(bytes.length);
        }
    }

    private static boolean drainUntilClosed(DataInputStream in) throws IOException {
        try {
            while (true) {
                in.readLong();
            }
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }
}
