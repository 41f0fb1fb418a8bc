package io.couriermq.admin.message;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.CancelPendingDeliveryRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ListPendingDeliveriesRequestHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delayed and timed messages not yet delivered: list and cancel, with CourierMQ's extension codes
 * LIST_PENDING_DELIVERIES (9160) and CANCEL_PENDING_DELIVERY (9161).
 */
public final class PendingAdmin {
    public static final int DEFAULT_LIMIT = ListPendingDeliveriesRequestHeader.DEFAULT_LIMIT;

    private final AdminRpc rpc;
    private final Routes routes;

    public PendingAdmin(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
    }

    /** The messages waiting for {@code topic} on every master, earliest due first, at most {@code limit}. */
    public List<PendingDelivery> list(String topic, int limit) {
        List<PendingDelivery> all = new ArrayList<>();
        routes.masters(null).forEach((name, address) -> all.addAll(list(address, name, topic, limit)));
        return all.stream()
                .sorted(Comparator.comparingLong(PendingDelivery::dueAtMs))
                .limit(limit)
                .toList();
    }

    /** The messages waiting for {@code topic} on one broker ({@code brokerName} only labels them; may be null). */
    public List<PendingDelivery> list(String brokerAddress, String brokerName, String topic, int limit) {
        RemotingCommand request = RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                .header(new ListPendingDeliveriesRequestHeader(topic, limit))
                .build();
        RemotingCommand response = rpc.callExtension(brokerAddress, request);
        if (!response.hasBody()) {
            return List.of();
        }
        return Arrays.stream(AdminRpc.decode(brokerAddress, request, response, PendingDelivery[].class))
                .map(pending -> pending.withBrokerName(brokerName))
                .toList();
    }

    /** Cancels one by unique key or offset id on one broker; false when it holds no such message. */
    public boolean cancel(String brokerAddress, String messageId) {
        RemotingCommand response = rpc.callExtension(
                brokerAddress,
                RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                        .header(new CancelPendingDeliveryRequestHeader(messageId))
                        .build(),
                ResponseCode.QUERY_NOT_FOUND);
        return response.code() == ResponseCode.SUCCESS.code();
    }

    /**
     * Cancels one wherever it waits: an offset id on the broker it names (when that is a known broker),
     * a unique key on each master in turn. False when no broker holds it; a refusal is thrown only when
     * no broker cancelled it.
     */
    public boolean cancel(String messageId) {
        Map<String, String> masters = routes.masters(null);
        Optional<MessageId> offsetId = MessageAdmin.offsetId(messageId);
        if (offsetId.isPresent()) {
            String address = StoredRecords.address(offsetId.get().storeHost());
            if (masters.containsValue(address)) {
                return cancel(address, messageId);
            }
        }
        AdminException refusal = null;
        for (String address : masters.values()) {
            try {
                if (cancel(address, messageId)) {
                    return true;
                }
            } catch (AdminException e) {
                refusal = e; // one broker's refusal must not hide the message on the next one
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        return false;
    }
}
