package io.couriermq.remoting.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Request codes of the RocketMQ remoting protocol that CourierMQ knows by name. The numbers are
 * protocol facts (identical in RocketMQ 4.9 and 5.x). A code missing here is still carried and
 * answered with {@link ResponseCode#REQUEST_CODE_NOT_SUPPORTED}; this enum only gives names.
 */
public enum RequestCode {
    SEND_MESSAGE(10),
    PULL_MESSAGE(11),
    QUERY_MESSAGE(12),
    QUERY_CONSUMER_OFFSET(14),
    UPDATE_CONSUMER_OFFSET(15),
    UPDATE_AND_CREATE_TOPIC(17),
    GET_ALL_TOPIC_CONFIG(21),
    UPDATE_BROKER_CONFIG(25),
    GET_BROKER_CONFIG(26),
    GET_BROKER_RUNTIME_INFO(28),
    SEARCH_OFFSET_BY_TIMESTAMP(29),
    GET_MAX_OFFSET(30),
    GET_MIN_OFFSET(31),
    GET_EARLIEST_MSG_STORETIME(32),
    VIEW_MESSAGE_BY_ID(33),
    HEART_BEAT(34),
    UNREGISTER_CLIENT(35),
    CONSUMER_SEND_MSG_BACK(36),
    END_TRANSACTION(37),
    GET_CONSUMER_LIST_BY_GROUP(38),
    CHECK_TRANSACTION_STATE(39),
    NOTIFY_CONSUMER_IDS_CHANGED(40),
    LOCK_BATCH_MQ(41),
    UNLOCK_BATCH_MQ(42),
    GET_ALL_CONSUMER_OFFSET(43),
    GET_ALL_DELAY_OFFSET(45),
    CHECK_CLIENT_CONFIG(46),
    // ACL 1.0 management (RocketMQ 5.2.0 mqadmin updateAclConfig, deleteAclConfig, clusterAclConfigVersion, ...)
    UPDATE_AND_CREATE_ACL_CONFIG(50),
    DELETE_ACL_CONFIG(51),
    GET_BROKER_CLUSTER_ACL_INFO(52),
    UPDATE_GLOBAL_WHITE_ADDRS_CONFIG(53),
    GET_BROKER_CLUSTER_ACL_CONFIG(54),
    GET_TIMER_CHECK_POINT(60),
    GET_TIMER_METRICS(61),
    PUT_KV_CONFIG(100),
    GET_KV_CONFIG(101),
    DELETE_KV_CONFIG(102),
    REGISTER_BROKER(103),
    UNREGISTER_BROKER(104),
    GET_ROUTEINFO_BY_TOPIC(105),
    GET_BROKER_CLUSTER_INFO(106),
    UPDATE_AND_CREATE_SUBSCRIPTIONGROUP(200),
    GET_ALL_SUBSCRIPTIONGROUP_CONFIG(201),
    GET_TOPIC_STATS_INFO(202),
    GET_CONSUMER_CONNECTION_LIST(203),
    GET_PRODUCER_CONNECTION_LIST(204),
    WIPE_WRITE_PERM_OF_BROKER(205),
    GET_ALL_TOPIC_LIST_FROM_NAMESERVER(206),
    DELETE_SUBSCRIPTIONGROUP(207),
    GET_CONSUME_STATS(208),
    DELETE_TOPIC_IN_BROKER(215),
    DELETE_TOPIC_IN_NAMESRV(216),
    REGISTER_TOPIC_IN_NAMESRV(217),
    GET_KVLIST_BY_NAMESPACE(219),
    RESET_CONSUMER_CLIENT_OFFSET(220),
    GET_CONSUMER_STATUS_FROM_CLIENT(221),
    INVOKE_BROKER_TO_RESET_OFFSET(222),
    INVOKE_BROKER_TO_GET_CONSUMER_STATUS(223),
    GET_TOPICS_BY_CLUSTER(224),
    QUERY_TOPIC_CONSUME_BY_WHO(300),
    GET_SYSTEM_TOPIC_LIST_FROM_NS(304),
    CLEAN_EXPIRED_CONSUMEQUEUE(306),
    GET_CONSUMER_RUNNING_INFO(307),
    CONSUME_MESSAGE_DIRECTLY(309),
    SEND_MESSAGE_V2(310),
    CLONE_GROUP_OFFSET(314),
    VIEW_BROKER_STATS_DATA(315),
    CLEAN_UNUSED_TOPIC(316),
    GET_BROKER_CONSUME_STATS(317),
    UPDATE_NAMESRV_CONFIG(318),
    GET_NAMESRV_CONFIG(319),
    SEND_BATCH_MESSAGE(320),
    QUERY_CONSUME_QUEUE(321),
    QUERY_DATA_VERSION(322),
    SEND_REPLY_MESSAGE(324),
    SEND_REPLY_MESSAGE_V2(325),
    PUSH_REPLY_MESSAGE_TO_CLIENT(326),
    ADD_WRITE_PERM_OF_BROKER(327),
    GET_ALL_PRODUCER_INFO(328),
    DELETE_EXPIRED_COMMITLOG(329),
    GET_TOPIC_CONFIG(351),
    LITE_PULL_MESSAGE(361),
    QUERY_ASSIGNMENT(400),
    GET_ALL_MESSAGE_REQUEST_MODE(402),
    BROKER_HEARTBEAT(904),
    GET_BROKER_HA_STATUS(907),
    // CourierMQ extensions (no RocketMQ code uses these numbers): pending scheduled deliveries, 9160-9169.
    /** Lists messages waiting for a delayed or timed delivery to a topic (JSON body, earliest first). */
    LIST_PENDING_DELIVERIES(9160),
    /** Cancels one waiting delayed or timed message by UNIQ_KEY or offset message id. */
    CANCEL_PENDING_DELIVERY(9161),
    // CourierMQ extensions: dead letters, 9150-9159.
    /** Re-sends one dead letter (ext field msgId: its offset message id) to its original topic. */
    RESEND_DEAD_LETTER(9150),
    /** Re-sends the dead letters of a DLQ queue in [beginOffset, endOffset) (ext fields group, queueId). */
    RESEND_DEAD_LETTERS_IN_RANGE(9151);

    private static final Map<Integer, RequestCode> BY_CODE = new HashMap<>();

    static {
        for (RequestCode requestCode : values()) {
            BY_CODE.put(requestCode.code, requestCode);
        }
    }

    private final int code;

    RequestCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the named code, or null for a number this enum does not know. */
    public static RequestCode of(int code) {
        return BY_CODE.get(code);
    }

    /** A printable name for any code, known or not: for logs and metric tags. */
    public static String nameOf(int code) {
        RequestCode known = of(code);
        return known != null ? known.name() : "CODE_" + code;
    }
}
