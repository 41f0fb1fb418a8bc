package io.couriermq.broker.processor;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeQueueData;
import io.couriermq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.QueryConsumeQueueRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.QueueEntriesView;
import io.couriermq.store.QueueEntry;
import io.couriermq.store.StoreMaintenance;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * QUERY_CONSUME_QUEUE (321, {@code mqadmin queryCq}): the raw entries of a queue (commit-log offset,
 * size, tag hash) with the queue's bounds, and the asked group's subscription, in RocketMQ 5.2.0's
 * shape. There is no consume-queue extension here, so no entry carries extension data, a bit map or an
 * evaluation; a group's filter data is {@code null} (RocketMQ's answer for a tag subscription), or the
 * same "not online" note RocketMQ writes.
 */
public final class ConsumeQueueQueryProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.QUERY_CONSUME_QUEUE);
    /** The most entries one answer carries, whatever the request asks. */
    static final int MAX_COUNT = 10_000;

    private final StoreMaintenance store;
    private final BiFunction<String, String, Optional<SubscriptionData>> subscriptions;

    /** @param subscriptions (group, topic) to the online group's subscription */
    public ConsumeQueueQueryProcessor(
            StoreMaintenance store, BiFunction<String, String, Optional<SubscriptionData>> subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        QueryConsumeQueueRequestHeader header = request.decodeHeader(QueryConsumeQueueRequestHeader::decode);
        int count = Math.max(0, Math.min(header.count(), MAX_COUNT));
        Optional<QueueEntriesView> read = store.queueEntries(header.topic(), header.queueId(), header.index(), count);
        if (read.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(String.format("%d@%s is not exist!", header.queueId(), header.topic()))
                    .build();
        }
        QueueEntriesView view = read.get();
        SubscriptionData subscription = null;
        String filterData = null;
        if (header.consumerGroup() != null) {
            subscription =
                    subscriptions.apply(header.consumerGroup(), header.topic()).orElse(null);
            filterData = subscription == null
                    ? String.format("%s@%s is not online!", header.consumerGroup(), header.topic())
                    : "null";
        }
        List<ConsumeQueueData> entries =
                view.entries().stream().map(ConsumeQueueQueryProcessor::data).toList();
        var response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new QueryConsumeQueueResponseBody(
                        subscription, filterData, entries, view.maxOffset(), view.minOffset())));
        if (header.index() < view.minOffset() || header.index() >= view.maxOffset()) {
            // RocketMQ answers this without a body, which its own queryCq then fails to decode; the
            // bounds are more use to the operator
            response.remark(
                    String.format("Index %d of %d@%s is not exist!", header.index(), header.queueId(), header.topic()));
        }
        return response.build();
    }

    private static ConsumeQueueData data(QueueEntry entry) {
        return ConsumeQueueData.of(entry.commitLogOffset(), entry.sizeBytes(), entry.tagsHash());
    }
}
