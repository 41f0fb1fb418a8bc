package io.couriermq.broker.processor;

import io.couriermq.broker.ha.ReplicationServer;
import io.couriermq.broker.ha.ReplicationService;
import io.couriermq.broker.ha.ReplicationStatus;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.HaRuntimeInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;

/** GET_BROKER_HA_STATUS (907), what {@code mqadmin haStatus} prints: a master's slaves, or a slave's master link. */
public final class HaStatusProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.GET_BROKER_HA_STATUS);

    private final ReplicationService replication;

    public HaStatusProcessor(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(info(replication.status())))
                .build();
    }

    static HaRuntimeInfo info(ReplicationStatus status) {
        if (status.masterLink() != null) {
            ReplicationStatus.MasterLink link = status.masterLink();
            return new HaRuntimeInfo(
                    false,
                    status.maxOffset(),
                    0,
                    List.of(),
                    new HaRuntimeInfo.HaClientRuntimeInfo(
                            status.masterHaAddress(),
                            link.bytesPerSecond(),
                            status.maxOffset(),
                            link.lastReceiveMillis(),
                            link.lastReportMillis(),
                            0));
        }
        List<HaRuntimeInfo.HaConnectionRuntimeInfo> slaves =
                status.slaves().stream().map(HaStatusProcessor::connection).toList();
        return new HaRuntimeInfo(true, status.maxOffset(), (int) status.slavesInSync(), slaves, null);
    }

    private static HaRuntimeInfo.HaConnectionRuntimeInfo connection(ReplicationServer.SlaveStatus slave) {
        return new HaRuntimeInfo.HaConnectionRuntimeInfo(
                slave.address(),
                slave.acknowledgedOffset(),
                slave.lagBytes(),
                slave.inSync(),
                slave.bytesPerSecond(),
                Math.max(0, slave.startOffset()));
    }
}
