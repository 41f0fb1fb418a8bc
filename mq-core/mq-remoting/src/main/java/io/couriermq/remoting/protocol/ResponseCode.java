package io.couriermq.remoting.protocol;

import java.util.HashMap;
import java.util.Map;

/** Response codes of the RocketMQ remoting protocol: the one place these numbers live. */
public enum ResponseCode {
    SUCCESS(0),
    SYSTEM_ERROR(1),
    SYSTEM_BUSY(2),
    REQUEST_CODE_NOT_SUPPORTED(3),
    TRANSACTION_FAILED(4),
    FLUSH_DISK_TIMEOUT(10),
    SLAVE_NOT_AVAILABLE(11),
    FLUSH_SLAVE_TIMEOUT(12),
    MESSAGE_ILLEGAL(13),
    SERVICE_NOT_AVAILABLE(14),
    VERSION_NOT_SUPPORTED(15),
    NO_PERMISSION(16),
    TOPIC_NOT_EXIST(17),
    TOPIC_EXIST_ALREADY(18),
    PULL_NOT_FOUND(19),
    PULL_RETRY_IMMEDIATELY(20),
    PULL_OFFSET_MOVED(21),
    QUERY_NOT_FOUND(22),
    SUBSCRIPTION_PARSE_FAILED(23),
    SUBSCRIPTION_NOT_EXIST(24),
    SUBSCRIPTION_NOT_LATEST(25),
    SUBSCRIPTION_GROUP_NOT_EXIST(26),
    FILTER_DATA_NOT_EXIST(27),
    FILTER_DATA_NOT_LATEST(28),
    TRANSACTION_SHOULD_COMMIT(200),
    TRANSACTION_SHOULD_ROLLBACK(201),
    TRANSACTION_STATE_UNKNOW(202),
    TRANSACTION_STATE_GROUP_WRONG(203),
    NO_BUYER_ID(204),
    NOT_IN_CURRENT_UNIT(205),
    CONSUMER_NOT_ONLINE(206),
    CONSUME_MSG_TIMEOUT(207),
    NO_MESSAGE(208),
    UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209),
    DELETE_ACL_CONFIG_FAILED(210),
    UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED(211),
    BROKER_DISPATCH_NOT_COMPLETE(212),
    BROADCAST_CONSUMPTION(213),
    FLOW_CONTROL(215),
    NOT_LEADER_FOR_QUEUE(501),
    ILLEGAL_OPERATION(604),
    GO_AWAY(1500);

    private static final Map<Integer, ResponseCode> BY_CODE = new HashMap<>();

    static {
        for (ResponseCode responseCode : values()) {
            BY_CODE.put(responseCode.code, responseCode);
        }
    }

    private final int code;

    ResponseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the named code, or null for a number this enum does not know. */
    public static ResponseCode of(int code) {
        return BY_CODE.get(code);
    }

    public static String nameOf(int code) {
        ResponseCode known = of(code);
        return known != null ? known.name() : "CODE_" + code;
    }
}
