package io.couriermq.broker.transaction;

/** The system topics and property names of transactional messages (remoting-protocol §5.1, §5.2). */
public final class TransactionTopics {
    /** Half messages wait here, invisible to consumers, until they are committed or rolled back. */
    public static final String HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";

    /** One op record per resolved half message: the durable "this one is done" mark. */
    public static final String OP_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";

    /** Half messages given up after too many check-backs, kept for audit. */
    public static final String CHECK_MAX_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";

    /** Tag of op records, as the official broker writes them. */
    static final String OP_TAG = "d";

    /** Op record property naming the outcome (our addition; the body is the half queue offset as official). */
    static final String OUTCOME_PROPERTY = "TRAN_OUTCOME";

    static final int QUEUE_ID = 0;

    private TransactionTopics() {}
}
