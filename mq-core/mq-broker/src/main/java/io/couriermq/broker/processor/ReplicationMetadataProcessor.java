package io.couriermq.broker.processor;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.schedule.DelayProgress;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.MessageRequestModeSerializeWrapper;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TimerCheckpointBody;
import io.couriermq.remoting.protocol.body.TimerMetricsSerializeWrapper;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a slave asks its master for besides topics and groups (which {@link TopicAdminProcessor} and
 * {@link SubscriptionGroupAdminProcessor} serve): committed offsets, delay-level progress, the timer's
 * checkpoint and metrics, and message request modes, in RocketMQ 5.2.0's shapes, so that our slaves and
 * official ones can copy them. An official slave asks for all of them every 10 s (the checkpoint every
 * 3 s) and logs an error for any answer that is not SUCCESS with a well-formed body; where we have no
 * equivalent (timer metrics per topic, pop request modes) the answer is an empty but complete table.
 */
public final class ReplicationMetadataProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.GET_ALL_CONSUMER_OFFSET,
            RequestCode.GET_ALL_DELAY_OFFSET,
            RequestCode.GET_TIMER_CHECK_POINT,
            RequestCode.GET_TIMER_METRICS,
            RequestCode.GET_ALL_MESSAGE_REQUEST_MODE);

    /** Never changes: the table is always empty, so an official slave copies it once. */
    private static final DataVersion EMPTY_TABLE_VERSION = new DataVersion(0, 0, 0);

    private final ConsumerOffsetManager offsets;
    private final DelayProgress delayProgress;
    private final Supplier<TimerCheckpointBody> timerCheckpoint;

    /** @param timerCheckpoint the timer's last written checkpoint ({@code TimerService::replicationCheckpoint}) */
    public ReplicationMetadataProcessor(
            ConsumerOffsetManager offsets, DelayProgress delayProgress, Supplier<TimerCheckpointBody> timerCheckpoint) {
        this.offsets = offsets;
        this.delayProgress = delayProgress;
        this.timerCheckpoint = timerCheckpoint;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        byte[] body =
                switch (RequestCode.of(request.code())) {
                    case GET_ALL_CONSUMER_OFFSET -> RemotingJson.encode(offsets.snapshot());
                    case GET_ALL_DELAY_OFFSET -> RemotingJson.encode(delayProgress.snapshot());
                    case GET_TIMER_CHECK_POINT -> timerCheckpoint.get().encode();
                    case GET_TIMER_METRICS ->
                        RemotingJson.encode(new TimerMetricsSerializeWrapper(Map.of(), EMPTY_TABLE_VERSION));
                    case GET_ALL_MESSAGE_REQUEST_MODE ->
                        RemotingJson.encode(new MessageRequestModeSerializeWrapper(Map.of()));
                    default -> throw new IllegalArgumentException("not a replication metadata request: " + request);
                };
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(body)
                .build();
    }
}
