package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.support.FakeBrokerNode;
import io.couriermq.client.support.FakeBrokerNode.PullAnswer;
import io.couriermq.client.support.FakeNameServer;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push consumer against a faked broker set (a master and a slave, each a real remoting server on
 * 127.0.0.1) behind a faked NameServer: the client follows the broker's {@code suggestWhichBrokerId},
 * never commits at a slave while the master lives, reads and commits at the slave once the master is
 * gone, and does not lock orderly queues at a slave.
 */
class ReplicaReadIT {
    private static final String TOPIC = "ReplicaOrders";
    private static final String BROKER = "broker-a";
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path dir;

    private final Set<String> clientIds = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> consumed = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void pullsFollowTheSuggestionToTheSlaveWhileCommitsStayAtTheMaster() {
        // the master serves offset 0 and sends the reader to slave 1, which serves 1..3
        FakeBrokerNode master = node((request, header) -> header.queueOffset() == 0 ? found(request, 0, 1, 1) : null);
        FakeBrokerNode slave = node((request, header) -> header.queueOffset() >= 1 && header.queueOffset() < 4
                ? found(request, header.queueOffset(), 4, 1)
                : null);
        FakeNameServer nameServer = nameServer(Map.of(0L, master.address(), 1L, slave.address()));
        PushConsumer consumer = concurrentConsumer(nameServer, "follows");

        await().atMost(Duration.ofSeconds(20)).until(() -> consumed.size() == 4);
        assertThat(consumed).containsExactlyInAnyOrder("m0", "m1", "m2", "m3");

        // the consumer's offset (4) rides on its next pull to the slave, but never as a commit
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            slave.releaseHeldPulls((request, header) -> notFound(request, header.queueOffset(), 1));
            assertThat(slave.pulls())
                    .anySatisfy(pull -> assertThat(pull.commitOffset()).isEqualTo(4));
        });
        assertThat(slave.pulls()).isNotEmpty().allSatisfy(pull -> assertThat(
                        PullSysFlag.hasCommitOffset(pull.sysFlag()))
                .as("COMMIT_OFFSET bit of a pull at the slave")
                .isFalse());
        assertThat(master.pulls())
                .extracting(PullMessageRequestHeader::queueOffset)
                .containsExactly(0L);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(master.commits())
                .extracting(UpdateConsumerOffsetRequestHeader::commitOffset)
                .contains(4L));
        consumer.close();
        assertThat(slave.commits()).isEmpty();
        assertThat(slave.received(RequestCode.QUERY_CONSUMER_OFFSET)).isZero();
    }

    @Test
    void aSetWhoseMasterDiesIsReadAndCommittedAtItsSlaveAfterAnImmediateRouteRefresh() {
        FakeBrokerNode master = node((request, header) -> header.queueOffset() == 0 ? found(request, 0, 1, 0) : null);
        FakeBrokerNode slave = node((request, header) -> header.queueOffset() >= 1 && header.queueOffset() < 3
                ? found(request, header.queueOffset(), 3, 0)
                : null);
        FakeNameServer nameServer = nameServer(Map.of(0L, master.address(), 1L, slave.address()));
        concurrentConsumer(nameServer, "failover");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> consumed.contains("m0") && master.pulls().size() == 2);
        int routeRequestsBefore = nameServer.routeRequests();

        nameServer.members(Map.of(1L, slave.address()));
        master.kill();

        // the lost connection of the held pull refreshes the route long before the 30 s poll
        await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.routeRequests() > routeRequestsBefore);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed.size() == 3);
        assertThat(consumed).containsExactlyInAnyOrder("m0", "m1", "m2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(slave.commits())
                .extracting(UpdateConsumerOffsetRequestHeader::commitOffset)
                .contains(3L));
        assertThat(slave.pulls()).allSatisfy(pull -> assertThat(PullSysFlag.hasCommitOffset(pull.sysFlag()))
                .isFalse());
    }

    @Test
    void anOrderlyConsumerNeverLocksAtASlaveAndLeavesASetWithoutMasterUnread() {
        FakeBrokerNode slave =
                node((request, header) -> found(request, header.queueOffset(), header.queueOffset() + 1, 1));
        FakeNameServer nameServer = nameServer(Map.of(1L, slave.address()));
        PushConsumer consumer = PushConsumer.createOrderly(
                clientConfig(nameServer, "orderly"), consumerConfig("orderly-group"), (message, context) -> {
                    consumed.add(body(message.body()));
                    return OrderlyResult.SUCCESS;
                });
        resources.add(consumer);
        consumer.subscribe(TOPIC, "*").start();

        // several rebalance rounds have asked the slave for the members: each one would have locked
        await().atMost(Duration.ofSeconds(20)).until(() -> slave.received(RequestCode.GET_CONSUMER_LIST_BY_GROUP) >= 3);
        assertThat(slave.received(RequestCode.LOCK_BATCH_MQ)).isZero();
        assertThat(slave.pulls()).isEmpty();
        assertThat(consumed).isEmpty();
    }

    private PushConsumer concurrentConsumer(FakeNameServer nameServer, String instance) {
        PushConsumer consumer = PushConsumer.create(
                clientConfig(nameServer, instance), consumerConfig(instance + "-group"), (message, context) -> {
                    consumed.add(body(message.body()));
                    return ConsumeResult.SUCCESS;
                });
        resources.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    private static ClientConfig clientConfig(FakeNameServer nameServer, String instance) {
        return ClientConfig.builder(nameServer.address())
                .instanceName(instance)
                .clientIp("127.0.0.1")
                .build();
    }

    private ConsumerConfig consumerConfig(String group) {
        return ConsumerConfig.builder(group)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .rebalanceIntervalMs(500)
                .persistOffsetIntervalMs(500)
                .shutdownAwaitMs(5_000)
                .offsetStoreDir(dir.resolve("offsets"))
                .build();
    }

    private FakeBrokerNode node(PullAnswer pulls) {
        FakeBrokerNode node = new FakeBrokerNode(clientIds, pulls);
        resources.add(node);
        return node;
    }

    private FakeNameServer nameServer(Map<Long, String> members) {
        FakeNameServer nameServer = new FakeNameServer(TOPIC, BROKER, members);
        resources.add(nameServer);
        return nameServer;
    }

    /** SUCCESS with messages "m<from>" .. "m<next - 1>". */
    private static RemotingCommand found(RemotingCommand request, long from, long next, long suggestedBrokerId) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (long offset = from; offset < next; offset++) {
            int start = buffer.position();
            Message message = Message.builder(TOPIC, 0)
                    .body(("m" + offset).getBytes(StandardCharsets.UTF_8))
                    .bornHost(HOST)
                    .storeHost(HOST)
                    .build();
            MessageEncoder.encode(message, buffer, buffer.remaining());
            MessageEncoder.stamp(buffer, start, offset, 1_000 + start, 1_000);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new PullMessageResponseHeader(suggestedBrokerId, next, 0, next, null, null, null, null))
                .body(Arrays.copyOf(buffer.array(), buffer.position()))
                .build();
    }

    private static RemotingCommand notFound(RemotingCommand request, long offset, long suggestedBrokerId) {
        return RemotingCommand.responseTo(request, ResponseCode.PULL_NOT_FOUND)
                .header(new PullMessageResponseHeader(suggestedBrokerId, offset, 0, offset, null, null, null, null))
                .build();
    }

    private static String body(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
