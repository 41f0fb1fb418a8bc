package io.couriermq.broker.pending;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.HeaderFields;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CourierMQ admin extension over every scheduler's {@link PendingDeliveries}:
 * QUERY_PENDING_DELIVERIES (ext fields {@code topic}, optional {@code limit}; body: a JSON array of
 * {@link PendingDelivery}, earliest due first) and CANCEL_PENDING_DELIVERY (ext field {@code msgId}, a
 * UNIQ_KEY or an offset message id; QUERY_NOT_FOUND when nothing waiting has that id).
 */
public final class PendingDeliveryProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.QUERY_PENDING_DELIVERIES, RequestCode.CANCEL_PENDING_DELIVERY);

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final List<PendingDeliveries> schedulers;

    public PendingDeliveryProcessor(List<PendingDeliveries> schedulers) {
        this.schedulers = List.copyOf(schedulers);
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case QUERY_PENDING_DELIVERIES -> list(request);
            case CANCEL_PENDING_DELIVERY -> cancel(request);
            default -> throw new IllegalArgumentException("not a pending-delivery request: " + request);
        };
    }

    private RemotingCommand list(RemotingCommand request) {
        HeaderFields fields = new HeaderFields(request);
        String topic = fields.requireString("topic");
        int limit = fields.intOr("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("limit must be 1.." + MAX_LIMIT + ", was " + limit)
                    .build();
        }
        List<PendingDelivery> all = new ArrayList<>();
        schedulers.forEach(scheduler -> all.addAll(scheduler.pending(topic, limit)));
        List<PendingDelivery> earliest = all.stream()
                .sorted(Comparator.comparingLong(PendingDelivery::dueAtMs))
                .limit(limit)
                .toList();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(earliest))
                .build();
    }

    private RemotingCommand cancel(RemotingCommand request) {
        String messageId = new HeaderFields(request).requireString("msgId").trim();
        for (PendingDeliveries scheduler : schedulers) {
            if (scheduler.cancel(messageId)) {
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
            }
        }
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                .remark("no message waiting for delivery has the id " + messageId)
                .build();
    }
}
