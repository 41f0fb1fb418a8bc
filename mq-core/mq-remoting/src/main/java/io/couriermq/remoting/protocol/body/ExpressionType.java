package io.couriermq.remoting.protocol.body;

/**
 * Subscription expression types, as the strings the protocol carries (SubscriptionData, PULL_MESSAGE
 * header); a string rather than an enum because new types must not make a heartbeat unreadable.
 */
public final class ExpressionType {
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";
    /** The TAG expression (and subString) matching every message. */
    public static final String SUB_ALL = "*";

    private ExpressionType() {}

    public static boolean isTagType(String type) {
        return type == null || type.isEmpty() || TAG.equals(type);
    }
}
