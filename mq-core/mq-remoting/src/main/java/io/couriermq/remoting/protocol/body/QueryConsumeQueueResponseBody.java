package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * QUERY_CONSUME_QUEUE answer ({@code mqadmin queryCq}), with RocketMQ 5.2.0's property names.
 *
 * @param subscriptionData the asked group's subscription to the topic; null when no group was asked or it
 *     is not online
 * @param filterData RocketMQ's consumer filter data as JSON, or a note that the group is not online
 * @param queueData the entries read
 * @param maxQueueIndex the queue's next offset
 * @param minQueueIndex the queue's first kept offset
 */
@JsonPropertyOrder({"filterData", "maxQueueIndex", "minQueueIndex", "queueData", "subscriptionData"})
public record QueryConsumeQueueResponseBody(
        SubscriptionData subscriptionData,
        String filterData,
        List<ConsumeQueueData> queueData,
        long maxQueueIndex,
        long minQueueIndex) {

    public QueryConsumeQueueResponseBody {
        queueData = Copies.list(queueData);
    }
}
