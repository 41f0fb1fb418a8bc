package io.couriermq.broker.processor;

import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.CancelPendingDeliveryRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ListPendingDeliveriesRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;

/**
 * The CourierMQ admin extension for scheduled messages: LIST_PENDING_DELIVERIES answers a JSON array of
 * {@code PendingDelivery}; CANCEL_PENDING_DELIVERY answers SUCCESS, or QUERY_NOT_FOUND when no waiting
 * message has that id.
 */
public final class PendingDeliveriesProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.LIST_PENDING_DELIVERIES, RequestCode.CANCEL_PENDING_DELIVERY);

    static final int MAX_LIMIT = 10_000;

    private final PendingDeliveries pending;

    public PendingDeliveriesProcessor(PendingDeliveries pending) {
        this.pending = pending;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case LIST_PENDING_DELIVERIES -> list(request);
            case CANCEL_PENDING_DELIVERY -> cancel(request);
            default -> throw new IllegalArgumentException("not a pending-delivery request: " + request);
        };
    }

    private RemotingCommand list(RemotingCommand request) {
        ListPendingDeliveriesRequestHeader header = request.decodeHeader(ListPendingDeliveriesRequestHeader::decode);
        if (header.limit() < 1 || header.limit() > MAX_LIMIT) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("limit must be 1.." + MAX_LIMIT + ", was " + header.limit())
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(pending.pending(header.topic(), header.limit())))
                .build();
    }

    private RemotingCommand cancel(RemotingCommand request) {
        String id = request.decodeHeader(CancelPendingDeliveryRequestHeader::decode)
                .messageId()
                .trim();
        if (pending.cancel(id)) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                .remark("no message waiting for delivery has id " + id + " (unknown, already delivered or cancelled)")
                .build();
    }
}
