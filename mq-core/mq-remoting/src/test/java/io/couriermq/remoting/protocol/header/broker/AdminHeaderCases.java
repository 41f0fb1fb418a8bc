package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.RequestCode;
import java.util.List;
import java.util.Set;

/** Samples of the client-registry, query and admin headers. */
final class AdminHeaderCases {
    private AdminHeaderCases() {}

    static List<HeaderCase> all() {
        return List.of(
                HeaderCase.of(
                        "UNREGISTER_CLIENT",
                        RequestCode.UNREGISTER_CLIENT,
                        new UnregisterClientRequestHeader("10.0.0.9@123#1", "pg", "cg"),
                        UnregisterClientRequestHeader::decode,
                        Set.of("clientID", "producerGroup", "consumerGroup"),
                        "clientID"),
                HeaderCase.of(
                        "UNREGISTER_CLIENT minimal",
                        RequestCode.UNREGISTER_CLIENT,
                        new UnregisterClientRequestHeader("cid", null, null),
                        UnregisterClientRequestHeader::decode,
                        Set.of("clientID")),
                HeaderCase.of(
                        "GET_CONSUMER_LIST_BY_GROUP",
                        RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                        new GetConsumerListByGroupRequestHeader("cg"),
                        GetConsumerListByGroupRequestHeader::decode,
                        Set.of("consumerGroup"),
                        "consumerGroup"),
                HeaderCase.of(
                        "NOTIFY_CONSUMER_IDS_CHANGED",
                        RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                        new NotifyConsumerIdsChangedRequestHeader("cg"),
                        NotifyConsumerIdsChangedRequestHeader::decode,
                        Set.of("consumerGroup"),
                        "consumerGroup"),
                HeaderCase.of(
                        "GET_CONSUMER_CONNECTION_LIST",
                        RequestCode.GET_CONSUMER_CONNECTION_LIST,
                        new GetConsumerConnectionListRequestHeader("cg"),
                        GetConsumerConnectionListRequestHeader::decode,
                        Set.of("consumerGroup"),
                        "consumerGroup"),
                HeaderCase.of(
                        "GET_PRODUCER_CONNECTION_LIST",
                        RequestCode.GET_PRODUCER_CONNECTION_LIST,
                        new GetProducerConnectionListRequestHeader("pg"),
                        GetProducerConnectionListRequestHeader::decode,
                        Set.of("producerGroup"),
                        "producerGroup"),
                HeaderCase.of(
                        "GET_CONSUMER_RUNNING_INFO",
                        RequestCode.GET_CONSUMER_RUNNING_INFO,
                        new GetConsumerRunningInfoRequestHeader("cg", "cid", true),
                        GetConsumerRunningInfoRequestHeader::decode,
                        Set.of("consumerGroup", "clientId", "jstackEnable"),
                        "consumerGroup",
                        "clientId"),
                HeaderCase.of(
                        "QUERY_MESSAGE",
                        RequestCode.QUERY_MESSAGE,
                        new QueryMessageRequestHeader("T", "k1", 64, 0L, Long.MAX_VALUE, true),
                        QueryMessageRequestHeader::decode,
                        Set.of("topic", "key", "maxNum", "beginTimestamp", "endTimestamp", "_UNIQUE_KEY_QUERY"),
                        "topic",
                        "key",
                        "maxNum",
                        "beginTimestamp",
                        "endTimestamp"),
                HeaderCase.of(
                        "QUERY_MESSAGE response",
                        RequestCode.QUERY_MESSAGE,
                        new QueryMessageResponseHeader(1_700_000_000_000L, 8192L),
                        QueryMessageResponseHeader::decode,
                        Set.of("indexLastUpdateTimestamp", "indexLastUpdatePhyoffset"),
                        "indexLastUpdateTimestamp",
                        "indexLastUpdatePhyoffset"),
                HeaderCase.of(
                        "VIEW_MESSAGE_BY_ID",
                        RequestCode.VIEW_MESSAGE_BY_ID,
                        new ViewMessageRequestHeader(4096L, "T"),
                        ViewMessageRequestHeader::decode,
                        Set.of("offset", "topic"),
                        "offset"),
                HeaderCase.of(
                        "UPDATE_AND_CREATE_TOPIC",
                        RequestCode.UPDATE_AND_CREATE_TOPIC,
                        new CreateTopicRequestHeader("T", "TBW102", 8, 8, 6, "SINGLE_TAG", 0, true, "+a=b", false),
                        CreateTopicRequestHeader::decode,
                        Set.of(
                                "topic",
                                "defaultTopic",
                                "readQueueNums",
                                "writeQueueNums",
                                "perm",
                                "topicFilterType",
                                "topicSysFlag",
                                "order",
                                "attributes",
                                "force"),
                        "topic",
                        "defaultTopic",
                        "readQueueNums",
                        "writeQueueNums",
                        "perm",
                        "topicFilterType",
                        "order"),
                HeaderCase.of(
                        "UPDATE_AND_CREATE_TOPIC 4.9",
                        RequestCode.UPDATE_AND_CREATE_TOPIC,
                        new CreateTopicRequestHeader("T", "TBW102", 4, 4, 6, "MULTI_TAG", null, false, null, null),
                        CreateTopicRequestHeader::decode,
                        Set.of(
                                "topic",
                                "defaultTopic",
                                "readQueueNums",
                                "writeQueueNums",
                                "perm",
                                "topicFilterType",
                                "order")),
                HeaderCase.of(
                        "DELETE_TOPIC_IN_BROKER",
                        RequestCode.DELETE_TOPIC_IN_BROKER,
                        new DeleteTopicRequestHeader("T"),
                        DeleteTopicRequestHeader::decode,
                        Set.of("topic"),
                        "topic"),
                HeaderCase.of(
                        "GET_TOPIC_STATS_INFO",
                        RequestCode.GET_TOPIC_STATS_INFO,
                        new GetTopicStatsInfoRequestHeader("T"),
                        GetTopicStatsInfoRequestHeader::decode,
                        Set.of("topic"),
                        "topic"),
                HeaderCase.of(
                        "GET_CONSUME_STATS",
                        RequestCode.GET_CONSUME_STATS,
                        new GetConsumeStatsRequestHeader("cg", "T"),
                        GetConsumeStatsRequestHeader::decode,
                        Set.of("consumerGroup", "topic"),
                        "consumerGroup"),
                HeaderCase.of(
                        "GET_CONSUME_STATS all topics",
                        RequestCode.GET_CONSUME_STATS,
                        new GetConsumeStatsRequestHeader("cg", null),
                        GetConsumeStatsRequestHeader::decode,
                        Set.of("consumerGroup")),
                HeaderCase.of(
                        "QUERY_TOPIC_CONSUME_BY_WHO",
                        RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
                        new QueryTopicConsumeByWhoRequestHeader("T"),
                        QueryTopicConsumeByWhoRequestHeader::decode,
                        Set.of("topic"),
                        "topic"),
                HeaderCase.of(
                        "DELETE_SUBSCRIPTIONGROUP",
                        RequestCode.DELETE_SUBSCRIPTIONGROUP,
                        new DeleteSubscriptionGroupRequestHeader("cg", true),
                        DeleteSubscriptionGroupRequestHeader::decode,
                        Set.of("groupName", "cleanOffset"),
                        "groupName"),
                HeaderCase.of(
                        "RESET_CONSUMER_CLIENT_OFFSET",
                        RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
                        new ResetOffsetRequestHeader("T", "cg", 2, 100L, 1_700_000_000_000L, true),
                        ResetOffsetRequestHeader::decode,
                        Set.of("topic", "group", "queueId", "offset", "timestamp", "isForce"),
                        "topic",
                        "group",
                        "timestamp",
                        "isForce"),
                HeaderCase.of(
                        "RESET_CONSUMER_CLIENT_OFFSET all queues",
                        RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
                        new ResetOffsetRequestHeader("T", "cg", ResetOffsetRequestHeader.ALL_QUEUES, null, 0L, false),
                        ResetOffsetRequestHeader::decode,
                        Set.of("topic", "group", "queueId", "timestamp", "isForce")),
                HeaderCase.of(
                        "CONSUME_MESSAGE_DIRECTLY",
                        RequestCode.CONSUME_MESSAGE_DIRECTLY,
                        new ConsumeMessageDirectlyRequestHeader(
                                "cg", "cid", "7F00000100002A9F0000000000000000", "b", "T"),
                        ConsumeMessageDirectlyRequestHeader::decode,
                        Set.of("consumerGroup", "clientId", "msgId", "brokerName", "topic"),
                        "consumerGroup"),
                HeaderCase.of(
                        "CONSUME_MESSAGE_DIRECTLY group only",
                        RequestCode.CONSUME_MESSAGE_DIRECTLY,
                        new ConsumeMessageDirectlyRequestHeader("cg", null, null, null, null),
                        ConsumeMessageDirectlyRequestHeader::decode,
                        Set.of("consumerGroup")),
                HeaderCase.of(
                        "GET_CONSUMER_STATUS_FROM_CLIENT",
                        RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
                        new GetConsumerStatusRequestHeader("T", "cg", "127.0.0.1:1"),
                        GetConsumerStatusRequestHeader::decode,
                        Set.of("topic", "group", "clientAddr"),
                        "topic",
                        "group"),
                HeaderCase.of(
                        "GET_CONSUMER_STATUS_FROM_CLIENT every client",
                        RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
                        new GetConsumerStatusRequestHeader("T", "cg", null),
                        GetConsumerStatusRequestHeader::decode,
                        Set.of("topic", "group")),
                HeaderCase.of(
                        "LIST_PENDING_DELIVERIES",
                        RequestCode.LIST_PENDING_DELIVERIES,
                        new ListPendingDeliveriesRequestHeader("T", 20),
                        ListPendingDeliveriesRequestHeader::decode,
                        Set.of("topic", "limit"),
                        "topic"),
                HeaderCase.of(
                        "CANCEL_PENDING_DELIVERY",
                        RequestCode.CANCEL_PENDING_DELIVERY,
                        new CancelPendingDeliveryRequestHeader("7F0000010001"),
                        CancelPendingDeliveryRequestHeader::decode,
                        Set.of("messageId"),
                        "messageId"));
    }
}
