package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.stats.BrokerStats;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerStatsData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.ViewBrokerStatsDataRequestHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrokerStatsDataProcessorTest {
    private final ManualClock clock = new ManualClock(1_700_002_800_000L);
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);
    private final BrokerStatsDataProcessor processor = new BrokerStatsDataProcessor(stats);

    @Test
    void answersTheMinuteHourAndDayFiguresInRocketMqsShape() {
        stats.recordPut("Orders", 4, 400);
        clock.advanceMillis(2_000);

        RemotingCommand response = view("TOPIC_PUT_NUMS", "Orders");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"statsDay\":{\"avgpt\":4.0,\"sum\":4,\"tps\":2.0},"
                        + "\"statsHour\":{\"avgpt\":4.0,\"sum\":4,\"tps\":2.0},"
                        + "\"statsMinute\":{\"avgpt\":4.0,\"sum\":4,\"tps\":2.0}}");
        assertThat(RemotingJson.decode(response.body(), BrokerStatsData.class)
                        .statsMinute()
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void anUnknownNameOrKeyIsTheSystemErrorRocketMqAnswers() {
        stats.recordGet("cg", "Orders", 1, 1);

        RemotingCommand unknownKey = view("GROUP_GET_NUMS", "Orders@nobody");
        RemotingCommand unknownName = view("QUEUE_GET_NUMS", "Orders@cg");

        assertThat(unknownKey.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(unknownKey.remark()).isEqualTo("The stats <GROUP_GET_NUMS> <Orders@nobody> not exist");
        assertThat(unknownName.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(unknownName.remark()).isEqualTo("The stats <QUEUE_GET_NUMS> <Orders@cg> not exist");
    }

    private RemotingCommand view(String name, String key) {
        return processor.process(
                new AdminFixtures.DirectContext(),
                request(RequestCode.VIEW_BROKER_STATS_DATA, new ViewBrokerStatsDataRequestHeader(name, key)));
    }
}
