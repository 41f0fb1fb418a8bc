package io.couriermq.broker.processor;

import io.couriermq.broker.stats.BrokerStats;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.ViewBrokerStatsDataRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;

/**
 * VIEW_BROKER_STATS_DATA: one statistic's figures over the last minute, hour and day ({@code mqadmin
 * statsAll} asks TOPIC_PUT_NUMS per topic and GROUP_GET_NUMS per {@code topic@group}). An unknown name,
 * or a key without traffic in the last day, is answered as 5.2.0 does: SYSTEM_ERROR, "The stats
 * &lt;name&gt; &lt;key&gt; not exist".
 */
public final class BrokerStatsDataProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.VIEW_BROKER_STATS_DATA);

    private final BrokerStats stats;

    public BrokerStatsDataProcessor(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        ViewBrokerStatsDataRequestHeader header = request.decodeHeader(ViewBrokerStatsDataRequestHeader::decode);
        return stats.figures(header.statsName(), header.statsKey())
                .map(figures -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(RemotingJson.encode(figures))
                        .build())
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                        .remark(String.format("The stats <%s> <%s> not exist", header.statsName(), header.statsKey()))
                        .build());
    }
}
