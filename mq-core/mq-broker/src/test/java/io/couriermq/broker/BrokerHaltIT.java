package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Broker#halt()} stands in for kill -9 in crash tests, so nothing of the halted broker may go on
 * running: a timer, delay or transaction-check thread left behind would write into the store next to
 * the broker restarted over it.
 */
class BrokerHaltIT {
    private static final char NAME_VALUE = 1;
    private static final char PROPERTY = 2;
    private static final ThreadGroup NAME_SERVER_THREADS = new ThreadGroup("name-server");

    @TempDir
    Path storeDir;

    private NameServer nameServer;
    private Broker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.shutdown();
        }
        if (nameServer != null) {
            nameServer.shutdown();
        }
    }

    @Test
    void noThreadOfAHaltedBrokerOutlivesIt() throws InterruptedException {
        startNameServerIn(NAME_SERVER_THREADS);
        Set<Thread> before = liveThreads();

        Broker halted = startBroker();
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            String address = "127.0.0.1:" + halted.listenPort();
            // Work for every scheduled service, so each has a reason to be running at the halt.
            send(client, address, "DELAY" + NAME_VALUE + "3" + PROPERTY);
            send(client, address, "TIMER_DELIVER_MS" + NAME_VALUE + (System.currentTimeMillis() + 60_000) + PROPERTY);
            send(
                    client,
                    address,
                    "TRAN_MSG" + NAME_VALUE + "true" + PROPERTY + "PGROUP" + NAME_VALUE + "pg" + PROPERTY);
        }
        Set<String> brokerThreads = names(newThreads(before));
        assertThat(brokerThreads)
                .as("the broker's own services were running before the halt")
                .anyMatch(name -> name.contains("timer"))
                .anyMatch(name -> name.contains("delay"))
                .anyMatch(name -> name.contains("transaction"));

        halted.halt();

        await("every thread the broker started has ended")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(names(newThreads(before))).isEmpty());

        broker = startBroker();
        assertThat(broker.listenPort())
                .as("a broker restarts over the halted one's store")
                .isPositive();
    }

    /**
     * The NameServer starts its threads as work arrives (the broker's registration), so they are told
     * apart by thread group: every thread a thread of this group starts is in the group too.
     */
    private void startNameServerIn(ThreadGroup group) throws InterruptedException {
        Thread starter = new Thread(
                group,
                () -> {
                    nameServer = new NameServer(
                            new NameServerConfig(
                                    RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"),
                                    120_000,
                                    1_000,
                                    false),
                            Clock.system());
                    nameServer.start();
                },
                "start-name-server");
        starter.start();
        starter.join();
    }

    private Broker startBroker() {
        BrokerSettings settings = BrokerSettingsLoader.load(
                Map.of(
                        "namesrvAddr",
                        "127.0.0.1:" + nameServer.listenPort(),
                        "listenPort",
                        "0",
                        "mappedFileSizeCommitLog",
                        String.valueOf(8 << 20),
                        "mappedFileSizeConsumeQueue",
                        String.valueOf(20 * 1000)),
                storeDir,
                "127.0.0.1");
        Broker started = new Broker(settings, Clock.system());
        started.start();
        return started;
    }

    private static void send(NettyRemotingClient client, String address, String properties) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg",
                "HaltTopic",
                "TBW102",
                4,
                0,
                0,
                System.currentTimeMillis(),
                0,
                properties,
                0,
                false,
                null,
                false,
                "broker-a");
        RemotingCommand response = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .header(header.v2())
                        .body("halt".getBytes(StandardCharsets.UTF_8))
                        .build(),
                3_000);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    /** Threads started since {@code before}, less the JVM's and Netty's process-wide ones. */
    private static Set<Thread> newThreads(Set<Thread> before) {
        return liveThreads().stream()
                .filter(thread -> !before.contains(thread))
                .filter(thread -> !NAME_SERVER_THREADS.parentOf(thread.getThreadGroup()))
                .filter(thread -> !thread.getName().startsWith("awaitility"))
                .filter(thread -> !thread.getName().startsWith("globalEventExecutor"))
                .filter(thread -> !thread.getName().equals("Attach Listener"))
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
