package io.couriermq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole broker over a real store and sockets, restarted in process over the same directory: delayed
 * messages still pending are delivered after the restart, delivered ones are not delivered again, and a
 * cancellation made before the restart holds. Time is a manual clock; the delivery thread is real.
 */
class DelayedDeliveryRestartIT {
    private static final String TOPIC = "Delayed";

    @TempDir
    Path storeDir;

    private final ManualClock clock = new ManualClock(System.nanoTime() / 1_000_000 + 1_700_000_000_000L);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private Broker broker;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        broker = startBroker();
        client = cluster.client();
    }

    @Test
    void pendingDelaysSurviveARestartAndDeliveredOnesAreNotDeliveredAgain() {
        send("a", 2);
        send("b", 2);
        send("late", 4);
        send("cancelled", 4);

        // the parked copies are listed once the store has dispatched them to the schedule queues
        await("all four listed as pending").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RemotingCommand pending = invoke(RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                    .extField("topic", TOPIC)
                    .build());
            assertThat(pending.code()).isEqualTo(ResponseCode.SUCCESS.code());
            assertThat(new String(pending.body(), StandardCharsets.UTF_8))
                    .contains("UNIQ-a", "UNIQ-b", "UNIQ-late", "UNIQ-cancelled", "delayLevel=4");
        });
        RemotingCommand cancel = invoke(RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                .extField("messageId", "UNIQ-cancelled")
                .build());
        assertThat(cancel.code()).isEqualTo(ResponseCode.SUCCESS.code());

        clock.advanceMillis(5_000);
        await("level 2 delivered")
                .atMost(Duration.ofSeconds(10))
                .until(() -> delivered().size() == 2);

        broker.shutdown();
        broker = startBroker();
        clock.advanceMillis(25_000);

        await("level 4 delivered after the restart")
                .atMost(Duration.ofSeconds(10))
                .until(() -> delivered().size() >= 3);
        await("nothing more")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> delivered().size() == 3);
        assertThat(delivered()).containsExactly("a", "b", "late");
        RemotingCommand cancelDelivered = invoke(RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                .extField("messageId", "UNIQ-a")
                .build());
        assertThat(cancelDelivered.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
    }

    private Broker startBroker() {
        return cluster.startBroker(storeDir, LocalCluster.smallFiles(), clock);
    }

    private void send(String key, int level) {
        Map<String, String> properties = Map.of(
                MessageConst.KEYS,
                key,
                MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY,
                "UNIQ-" + key,
                MessageConst.DELAY_TIME_LEVEL,
                Integer.toString(level));
        RemotingCommand response = invoke(BrokerRequests.send(TOPIC, 0)
                .bornAt(clock.millis())
                .properties(MessageProperties.encode(properties))
                .body(key));
        assertThat(response.code()).as("send of %s", key).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.extField("queueId"))
                .as("the queue the producer addressed")
                .isEqualTo("0");
    }

    private RemotingCommand invoke(RemotingCommand request) {
        return client.invokeSync(LocalCluster.address(broker), request, 5_000);
    }

    private List<String> delivered() {
        return LocalCluster.storedMessages(broker, TOPIC, 0).stream()
                .map(message -> message.message().property(MessageConst.KEYS))
                .toList();
    }
}
