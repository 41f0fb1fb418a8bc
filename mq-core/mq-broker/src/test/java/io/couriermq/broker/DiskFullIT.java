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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose store sits on a real, small file system (a tmpfs mounted by the test, so it needs
 * root; skipped elsewhere) that another writer fills: producers get SERVICE_NOT_AVAILABLE naming the
 * disk, consumers keep reading, and sends resume once the space is back, with nothing acknowledged lost.
 */
class DiskFullIT {
    private static final String TOPIC = "DiskFull";

    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;
    private Broker broker;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void mountAndStart() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=48m", "courier-disk-full", disk.toString());
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root");
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.ofEntries(
                                Map.entry("listenPort", "0"),
                                Map.entry("mappedFileSizeCommitLog", String.valueOf(4 << 20)),
                                Map.entry("maxMessageSize", String.valueOf(1 << 20)),
                                Map.entry("mappedFileSizeConsumeQueue", String.valueOf(20 * 1000)),
                                Map.entry("maxHashSlotNum", "1000"),
                                Map.entry("maxIndexNum", "4000"),
                                Map.entry("diskSpaceWarningLevelRatio", "0.75"),
                                Map.entry("cleanResourceInterval", "100")),
                        disk.resolve("store"),
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        address = "127.0.0.1:" + broker.listenPort();
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stopAndUnmount() throws Exception {
        if (client != null) {
            client.close();
        }
        if (broker != null) {
            broker.shutdown();
        }
        if (mounted) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    void aFullDiskRefusesSendsWithItsNameKeepsReadsAndRecovers() throws IOException {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "before-" + i;
            assertThat(send(body).code()).isEqualTo(ResponseCode.SUCCESS.code());
            acknowledged.add(body);
        }

        Path filler = fillUpTo(0.85);
        RemotingCommand refused = await("sends refused once the broker sees the disk full")
                .atMost(Duration.ofSeconds(10))
                .until(() -> send("while-full"), response -> response.code() != ResponseCode.SUCCESS.code());
        assertThat(refused.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE.code());
        assertThat(refused.remark()).contains("disk full", disk.resolve("store").toString(), "% used");
        assertThat(bodies()).as("consumers keep reading").containsExactlyElementsOf(acknowledged);

        Files.delete(filler);
        await("sends accepted again once space returns")
                .atMost(Duration.ofSeconds(10))
                .until(() -> send("after-" + acknowledged.size()).code() == ResponseCode.SUCCESS.code());
        acknowledged.add("after-" + acknowledged.size());
        await("the acknowledged messages, and only those, are in the queue")
                .atMost(Duration.ofSeconds(5))
                .until(() -> broker.store().maxOffset(TOPIC, 0) == acknowledged.size());
        assertThat(bodies()).containsExactlyElementsOf(acknowledged);
    }

    /** Writes real blocks (not a sparse file) until the disk is {@code ratio} used. */
    private Path fillUpTo(double ratio) throws IOException {
        FileStore store = Files.getFileStore(disk);
        long total = store.getTotalSpace();
        long toWrite = (long) (total * ratio) - (total - store.getUsableSpace());
        Path filler = disk.resolve("filler");
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < toWrite; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), toWrite - written));
                written += channel.write(chunk);
            }
        }
        return filler;
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
                3_000);
    }

    private List<String> bodies() {
        RemotingCommand pulled = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.PULL_MESSAGE)
                        .header(new PullMessageRequestHeader(
                                "cg", TOPIC, 0, 0, 64, PullSysFlag.SUBSCRIPTION, 0, 0, "*", 0, "TAG", null, "broker-a"))
                        .build(),
                5_000);
        assertThat(pulled.code()).as(pulled.remark()).isEqualTo(ResponseCode.SUCCESS.code());
        return MessageDecoder.decodeAll(ByteBuffer.wrap(pulled.body())).stream()
                .map(StoredMessage::message)
                .map(message -> StandardCharsets.UTF_8.decode(message.body()).toString())
                .toList();
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
