package io.couriermq.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.CancelPendingDeliveryRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ListPendingDeliveriesRequestHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Timed messages through a whole broker over real sockets, across a restart over the same store. */
class TimerIT {
    private static final String TOPIC = "TimedOrders";

    @TempDir
    Path storeDir;

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
    void aTimedMessageArrivesAtItsDueTimeInItsQueue() {
        long dueMs = System.currentTimeMillis() + 1_500;
        RemotingCommand sent = send("t-1", MessageConst.TIMER_DELIVER_MS, dueMs);
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivered().isEmpty());
        long arrivedMs = System.currentTimeMillis();

        StoredMessage message = delivered().get(0);
        assertThat(message.message().uniqueKey()).isEqualTo("t-1");
        assertThat(message.storeTimestampMs()).isBetween(dueMs, dueMs + 1_000);
        assertThat(arrivedMs).isGreaterThanOrEqualTo(dueMs);
    }

    @Test
    void aDelayBeyondTheMaximumIsRefusedWithMessageIllegal() {
        RemotingCommand sent = send("too-far", MessageConst.TIMER_DELAY_SEC, 259_200 + 10);

        assertThat(sent.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL.code());
        assertThat(sent.remark()).contains("max delay");
    }

    @Test
    void pendingMessagesAreListedCancelledAndSurviveARestart() {
        send("keep", MessageConst.TIMER_DELAY_MS, 4_000);
        send("cancel-me", MessageConst.TIMER_DELAY_MS, 4_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> listPending().size() == 2);
        JsonNode first = listPending().get(0);
        assertThat(first.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(first.get("schedule").asString()).isEqualTo("timer");

        assertThat(cancel("cancel-me").code()).isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand again = cancel("cancel-me");
        assertThat(again.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
        assertThat(again.remark()).contains("cancel-me");

        broker.shutdown();
        broker = startBroker();

        assertThat(listPending())
                .extracting(node -> node.get("uniqueKey").asString())
                .containsExactly("keep");
        await().atMost(Duration.ofSeconds(10)).until(() -> !delivered().isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> delivered().size() == 1);
        assertThat(delivered().get(0).message().uniqueKey()).isEqualTo("keep");
    }

    private Broker startBroker() {
        return cluster.startBroker(storeDir, LocalCluster.smallFiles());
    }

    private String address() {
        return LocalCluster.address(broker);
    }

    private RemotingCommand send(String id, String property, long value) {
        String properties = MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY + "\u0001" + id + "\u0002" + property + "\u0001"
                + value + "\u0002";
        return client.invokeSync(
                address(), BrokerRequests.send(TOPIC, 1).properties(properties).body(id), 3_000);
    }

    private List<JsonNode> listPending() {
        RemotingCommand response = client.invokeSync(
                address(),
                RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                        .header(new ListPendingDeliveriesRequestHeader(TOPIC, 10))
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        List<JsonNode> nodes = new ArrayList<>();
        RemotingJson.mapper().readTree(response.body()).forEach(nodes::add);
        return nodes;
    }

    private RemotingCommand cancel(String id) {
        return client.invokeSync(
                address(),
                RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                        .header(new CancelPendingDeliveryRequestHeader(id))
                        .build(),
                3_000);
    }

    private List<StoredMessage> delivered() {
        return LocalCluster.storedMessages(broker, TOPIC, 1);
    }
}
