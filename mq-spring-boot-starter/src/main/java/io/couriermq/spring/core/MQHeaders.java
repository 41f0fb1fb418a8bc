package io.couriermq.spring.core;

/**
 * Names of the Spring message headers that carry a message's CourierMQ (RocketMQ) attributes. On send,
 * {@link #KEYS}, {@link #TAGS}, {@link #DELAY_LEVEL}, {@link #DELIVER_AT} and {@link #DELAY_SECONDS} set
 * those attributes, and every other header with a simple value (string, number, boolean) travels as a
 * user property. On receipt, the message's user properties come back as headers, and the headers below
 * describe where and when it was stored. The unprefixed names {@code KEYS} and {@code TAGS}, as
 * rocketmq-spring applications set them, are honoured too.
 */
public final class MQHeaders {
    public static final String PREFIX = "courier_";

    /** Business keys (indexed by the broker): a String (space separated) or a collection of strings. */
    public static final String KEYS = PREFIX + "KEYS";
    /** The tag; also taken from a {@code topic:tag} destination. */
    public static final String TAGS = PREFIX + "TAGS";
    /** One of the broker's delay levels, 1 ({@code 1s}) to 18 ({@code 2h}). */
    public static final String DELAY_LEVEL = PREFIX + "DELAY_LEVEL";
    /** Deliver at this time: epoch milliseconds, an {@code Instant} or a {@code Date}. */
    public static final String DELIVER_AT = PREFIX + "DELIVER_AT";
    /** Deliver after this many seconds (or a {@code Duration}). */
    public static final String DELAY_SECONDS = PREFIX + "DELAY_SECONDS";

    public static final String TOPIC = PREFIX + "TOPIC";
    public static final String MESSAGE_ID = PREFIX + "MESSAGE_ID";
    public static final String OFFSET_MESSAGE_ID = PREFIX + "OFFSET_MESSAGE_ID";
    public static final String BROKER_NAME = PREFIX + "BROKER_NAME";
    public static final String QUEUE_ID = PREFIX + "QUEUE_ID";
    public static final String QUEUE_OFFSET = PREFIX + "QUEUE_OFFSET";
    public static final String RECONSUME_TIMES = PREFIX + "RECONSUME_TIMES";
    public static final String BORN_TIMESTAMP = PREFIX + "BORN_TIMESTAMP";
    public static final String STORE_TIMESTAMP = PREFIX + "STORE_TIMESTAMP";
    /** The transaction id of a transactional message (in {@link MQLocalTransactionListener} calls). */
    public static final String TRANSACTION_ID = PREFIX + "TRANSACTION_ID";

    private MQHeaders() {}
}
