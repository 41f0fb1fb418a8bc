package io.couriermq.broker.processor;

import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ProducerInfo;
import io.couriermq.remoting.protocol.body.ProducerTableInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET_ALL_PRODUCER_INFO (mqadmin producer): every connected producer by group. The remote address is
 * written as RocketMQ prints a Netty channel's address, {@code /ip:port}.
 */
public final class ProducerInfoProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.GET_ALL_PRODUCER_INFO);

    private final ProducerGroupRegistry producers;

    public ProducerInfoProcessor(ProducerGroupRegistry producers) {
        this.producers = producers;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        Map<String, List<ProducerInfo>> table = new TreeMap<>();
        for (String group : producers.groups()) {
            List<ProducerInfo> members = producers.members(group).stream()
                    .map(member -> info(member.identity(), member.lastHeartbeatMillis()))
                    .sorted(Comparator.comparing(ProducerInfo::clientId))
                    .toList();
            if (!members.isEmpty()) {
                table.put(group, members);
            }
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new ProducerTableInfo(table)))
                .build();
    }

    private static ProducerInfo info(ClientIdentity client, long lastHeartbeatMillis) {
        return new ProducerInfo(
                client.clientId(),
                "/" + client.channel().remoteAddress(),
                client.language(),
                client.version(),
                lastHeartbeatMillis);
    }
}
