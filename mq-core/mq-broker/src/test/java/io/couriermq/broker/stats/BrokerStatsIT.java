package io.couriermq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerStatsData;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ViewBrokerStatsDataRequestHeader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin figures of a real broker over real sockets: after sends and pulls, VIEW_BROKER_STATS_DATA,
 * GET_CONSUME_STATS and GET_BROKER_RUNTIME_INFO report what was done.
 */
class BrokerStatsIT {
    private static final String TOPIC = "Figures";
    private static final String GROUP = "figures-group";
    private static final int SENT = 12;

    @TempDir
    Path storeDir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private Broker broker;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        NameServer nameServer = cluster.startNameServer();
        broker = cluster.startBroker(
                storeDir,
                Map.of(
                        "namesrvAddr",
                        LocalCluster.address(nameServer),
                        "mappedFileSizeCommitLog",
                        String.valueOf(8 << 20)));
        address = LocalCluster.address(broker);
        client = cluster.client();
    }

    @Test
    void sendsAndPullsShowInTheStatsTheConsumeRateAndTheDailyTotals() {
        for (int i = 0; i < SENT; i++) {
            assertThat(send("message " + i).code()).isEqualTo(ResponseCode.SUCCESS.code());
        }
        LocalCluster.awaitQueueLength(broker, TOPIC, 0, SENT);
        assertThat(pull(0, 5)).isEqualTo(5);
        assertThat(pull(5, 32)).isEqualTo(SENT - 5);

        BrokerStatsData puts = figures("TOPIC_PUT_NUMS", TOPIC);
        assertThat(puts.statsMinute().sum()).isEqualTo(SENT);
        assertThat(puts.statsMinute().tps()).isPositive();
        assertThat(puts.statsDay().sum()).as("statsAll's InMsg24Hour").isEqualTo(SENT);
        assertThat(figures("TOPIC_PUT_SIZE", TOPIC).statsMinute().sum()).isPositive();
        BrokerStatsData gets = figures("GROUP_GET_NUMS", TOPIC + "@" + GROUP);
        assertThat(gets.statsMinute().sum()).isEqualTo(SENT);
        assertThat(gets.statsMinute().tps()).isPositive();
        assertThat(gets.statsMinute().avgpt()).as("messages per pull").isEqualTo(SENT / 2.0);
        assertThat(figures("BROKER_PUT_NUMS", "DefaultCluster").statsMinute().sum())
                .isEqualTo(SENT);
        assertThat(figures("BROKER_GET_NUMS", "DefaultCluster").statsMinute().sum())
                .isEqualTo(SENT);

        RemotingCommand progress = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_CONSUME_STATS)
                        .header(new GetConsumeStatsRequestHeader(GROUP, TOPIC))
                        .build(),
                3_000);
        assertThat(RemotingJson.decode(progress.body(), ConsumeStats.class).consumeTps())
                .isPositive();

        Map<String, String> info = runtimeInfo();
        long putToday =
                Long.parseLong(info.get("msgPutTotalTodayNow")) - Long.parseLong(info.get("msgPutTotalTodayMorning"));
        long putYesterday = Long.parseLong(info.get("msgPutTotalTodayMorning"))
                - Long.parseLong(info.get("msgPutTotalYesterdayMorning"));
        assertThat(info.get("msgPutTotalTodayNow")).isEqualTo(String.valueOf(SENT));
        assertThat(putToday + putYesterday)
                .as("split at midnight, should the test cross one")
                .isEqualTo(SENT);
        assertThat(info.get("msgGetTotalTodayNow")).isEqualTo(String.valueOf(SENT));
        for (String key : new String[] {
            "sendThreadPoolQueueHeadWaitTimeMills", "pullThreadPoolQueueHeadWaitTimeMills", "pageCacheLockTimeMills"
        }) {
            assertThat(Long.parseLong(info.get(key))).as(key).isNotNegative();
        }
    }

    @Test
    void unknownStatsAndTheStatsOfADeletedTopicAreNotThere() {
        send("one");
        assertThat(figures("TOPIC_PUT_NUMS", TOPIC).statsMinute().sum()).isEqualTo(1);

        RemotingCommand deleted = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER)
                        .header(new DeleteTopicRequestHeader(TOPIC))
                        .build(),
                3_000);
        assertThat(deleted.code()).isEqualTo(ResponseCode.SUCCESS.code());

        RemotingCommand gone = view("TOPIC_PUT_NUMS", TOPIC);
        assertThat(gone.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(gone.remark()).isEqualTo("The stats <TOPIC_PUT_NUMS> <Figures> not exist");
        assertThat(view("NO_SUCH_STATS", TOPIC).code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(figures("BROKER_PUT_NUMS", "DefaultCluster").statsMinute().sum())
                .as("the broker's own figures stay")
                .isEqualTo(1);
    }

    private BrokerStatsData figures(String name, String key) {
        RemotingCommand response = view(name, key);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), BrokerStatsData.class);
    }

    private RemotingCommand view(String name, String key) {
        return client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.VIEW_BROKER_STATS_DATA)
                        .header(new ViewBrokerStatsDataRequestHeader(name, key))
                        .build(),
                3_000);
    }

    private Map<String, String> runtimeInfo() {
        RemotingCommand response = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build(),
                3_000);
        return RemotingJson.decode(response.body(), KVTable.class).table();
    }

    private RemotingCommand send(String body) {
        return client.invokeSync(
                address, BrokerRequests.send(TOPIC, 0).defaultTopicQueueNums(1).body(body), 3_000);
    }

    /** Pulls from one offset; returns how many messages came back. */
    private int pull(long offset, int max) {
        RemotingCommand response = client.invokeSync(
                address,
                BrokerRequests.pull(TOPIC, 0, offset)
                        .consumerGroup(GROUP)
                        .maxMessages(max)
                        .lite()
                        .build(),
                5_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return MessageDecoder.decodeAll(ByteBuffer.wrap(response.body())).size();
    }
}
