package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer nameServer;

    @Test
    void noThreadOfAHaltedBrokerOutlivesIt() throws InterruptedException {
        startNameServerIn(NAME_SERVER_THREADS);
        Set<Thread> before = liveThreads();

        Broker halted = startBroker();
        try (NettyRemotingClient client = cluster.client()) {
            String address = LocalCluster.address(halted);
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

        Broker restarted = startBroker();
        assertThat(restarted.listenPort())
                .as("a broker restarts over the halted one's store")
                .isPositive();
    }

    /**
     * The NameServer starts its threads as work arrives (the broker's registration), so they are told
     * apart by thread group: every thread a thread of this group starts is in the group too.
     */
    private void startNameServerIn(ThreadGroup group) throws InterruptedException {
        Thread starter = new Thread(group, () -> nameServer = cluster.startNameServer(), "start-name-server");
        starter.start();
        starter.join();
    }

    private Broker startBroker() {
        return cluster.startBroker(
                storeDir, LocalCluster.smallFiles(Map.of("namesrvAddr", LocalCluster.address(nameServer))));
    }

    private static void send(NettyRemotingClient client, String address, String properties) {
        RemotingCommand response = client.invokeSync(
                address,
                BrokerRequests.send("HaltTopic", 0).properties(properties).body("halt"),
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
