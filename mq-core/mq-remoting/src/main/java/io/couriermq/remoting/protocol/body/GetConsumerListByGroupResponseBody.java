package io.couriermq.remoting.protocol.body;

import java.util.List;

/**
 * GET_CONSUMER_LIST_BY_GROUP response: the client ids of a group's live members. Every broker must give
 * the same list, as each consumer allocates queues from its own position in it.
 */
public record GetConsumerListByGroupResponseBody(List<String> consumerIdList) {

    public GetConsumerListByGroupResponseBody {
        consumerIdList = Copies.list(consumerIdList);
    }
}
