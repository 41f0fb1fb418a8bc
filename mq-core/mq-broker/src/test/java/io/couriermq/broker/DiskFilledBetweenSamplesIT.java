package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.store.engine.FileMessageStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up completely between two samples of the disk usage (the sampling interval here is an
 * hour, so the broker never sees the usage): the store already has its active commit-log segment and the
 * next one created, sparse, when another writer takes the last free block of a real tmpfs (mounted by the
 * test, so root only; skipped elsewhere). Appends then need blocks that cannot be had. The broker must
 * stay up, answer every send (success only for a stored message, else SERVICE_NOT_AVAILABLE naming the
 * disk), serve every acknowledged message intact, accept sends again once the space is back, and recover
 * cleanly after a crash-like stop.
 */
class DiskFilledBetweenSamplesIT {
    private static final String TOPIC = "DiskFilled";
    private static final int SEGMENT_BYTES = 4 << 20;
    private static final int BODY_BYTES = 16 << 10;

    @TempDir
    Path dir;

    private Path disk;
    private Path store;
    private boolean mounted;
    private Broker broker;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void mount() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=48m", "courier-disk-filled", disk.toString());
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root");
        store = disk.resolve("store");
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stopAndUnmount() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            if (broker != null) {
                broker.shutdown();
            }
        } finally {
            if (mounted) {
                run("umount", "-l", disk.toString());
            }
        }
    }

    @Test
    void aDiskFilledBetweenSamplesRefusesSendsLosesNothingAndRecovers() throws Exception {
        startBroker();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            assertThat(send(body("before", i)).code()).isEqualTo(ResponseCode.SUCCESS.code());
            acknowledged.add(body("before", i));
        }
        await("the next commit-log segment is created ahead")
                .atMost(Duration.ofSeconds(10))
                .until(() -> commitLogSegments() == 2);

        Path filler = fillCompletely();
        int refused = 0;
        for (int i = 0; i < 2 * SEGMENT_BYTES / BODY_BYTES && refused < 5; i++) {
            RemotingCommand response = send(body("while-full", i));
            if (response.code() == ResponseCode.SUCCESS.code()) {
                acknowledged.add(body("while-full", i));
            } else {
                assertThat(response.code())
                        .as("send %d while the disk is full: %s", i, response.remark())
                        .isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE.code());
                assertThat(response.remark()).contains("disk full", store.toString());
                refused++;
            }
        }
        assertThat(refused).as("sends refused while the disk is full").isEqualTo(5);
        awaitQueueHolds(acknowledged.size());
        assertThat(bodies()).as("consumers read every acknowledged message").containsExactlyElementsOf(acknowledged);

        Files.delete(filler);
        await("sends accepted again once space returns")
                .atMost(Duration.ofSeconds(10))
                .until(() -> send(body("after", acknowledged.size())).code() == ResponseCode.SUCCESS.code());
        acknowledged.add(body("after", acknowledged.size()));
        for (int i = 0; i < 10; i++) {
            assertThat(send(body("after", i)).code()).isEqualTo(ResponseCode.SUCCESS.code());
            acknowledged.add(body("after", i));
        }
        awaitQueueHolds(acknowledged.size());
        assertThat(bodies()).containsExactlyElementsOf(acknowledged);

        broker.halt();
        broker = null;
        startBroker();
        var recovery = ((FileMessageStore) broker.store()).recoveryReport();
        assertThat(recovery.afterCrash()).isTrue();
        assertThat(broker.store().maxOffset(TOPIC, 0)).isEqualTo(acknowledged.size());
        assertThat(bodies()).as("after a crash-like restart").containsExactlyElementsOf(acknowledged);
        assertThat(send("after-restart").code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private void startBroker() {
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.ofEntries(
                                Map.entry("listenPort", "0"),
                                Map.entry("flushDiskType", "SYNC_FLUSH"),
                                Map.entry("mappedFileSizeCommitLog", String.valueOf(SEGMENT_BYTES)),
                                Map.entry("maxMessageSize", String.valueOf(1 << 20)),
                                Map.entry("mappedFileSizeConsumeQueue", String.valueOf(20 * 1000)),
                                Map.entry("maxHashSlotNum", "1000"),
                                Map.entry("maxIndexNum", "4000"),
                                // one sample at start, the next in an hour: the fill is never seen
                                Map.entry("cleanResourceInterval", "3600000")),
                        store,
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        address = "127.0.0.1:" + broker.listenPort();
    }

    private long commitLogSegments() throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("commitlog"))) {
            return files.count();
        }
    }

    /** Writes real blocks until the file system has none left. */
    private Path fillCompletely() throws IOException {
        Path filler = disk.resolve("filler");
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int chunk = 1 << 20; chunk >= 512; chunk /= 8) {
                ByteBuffer bytes = ByteBuffer.allocate(chunk);
                try {
                    while (true) {
                        channel.write(bytes.clear());
                    }
                } catch (IOException full) {
                    // no room for another chunk of this size: try a smaller one
                }
            }
        }
        assertThat(Files.getFileStore(disk).getUsableSpace()).as("free bytes").isLessThan(4096);
        return filler;
    }

    private void awaitQueueHolds(int count) {
        await("the dispatcher indexes every acknowledged message")
                .atMost(Duration.ofSeconds(10))
                .until(() -> broker.store().maxOffset(TOPIC, 0) >= count);
        assertThat(broker.store().maxOffset(TOPIC, 0)).isEqualTo(count);
    }

    private static String body(String phase, int i) {
        String prefix = phase + "-" + i + "-";
        return prefix + "x".repeat(BODY_BYTES - prefix.length());
    }

    private RemotingCommand send(String body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg", TOPIC, "TBW102", 1, 0, 0, System.currentTimeMillis(), 0, "", 0, false, null, false, "broker-a");
        return client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .header(header.v2())
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .build(),
                5_000);
    }

    private List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        while (true) {
            RemotingCommand pulled = client.invokeSync(
                    address,
                    RemotingCommand.request(RequestCode.PULL_MESSAGE)
                            .header(new PullMessageRequestHeader(
                                    "cg",
                                    TOPIC,
                                    0,
                                    bodies.size(),
                                    32,
                                    PullSysFlag.SUBSCRIPTION,
                                    0,
                                    0,
                                    "*",
                                    0,
                                    "TAG",
                                    null,
                                    "broker-a"))
                            .build(),
                    5_000);
            if (pulled.code() != ResponseCode.SUCCESS.code()) {
                return bodies;
            }
            MessageDecoder.decodeAll(ByteBuffer.wrap(pulled.body())).stream()
                    .map(StoredMessage::message)
                    .map(message ->
                            StandardCharsets.UTF_8.decode(message.body()).toString())
                    .forEach(bodies::add);
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notAvailable) {
            return false;
        }
    }
}
