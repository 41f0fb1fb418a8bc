package io.couriermq.broker.filter;

import io.couriermq.broker.pull.TagFilter;
import io.couriermq.filter.sql92.FilterParseException;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ExpressionType;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.store.MessageFilter;
import java.util.Set;

/**
 * The broker's filter policy for every expression type: which subscriptions it accepts (TAG always;
 * SQL92 only with {@code enablePropertyFilter}; nothing else) and the store filter each gets. Refusals
 * use the official broker's codes: SYSTEM_ERROR when SQL92 is disabled, SUBSCRIPTION_PARSE_FAILED for
 * an expression that does not compile (its remark names the position and the problem).
 */
public final class SubscriptionFilters {
    private final boolean propertyFilterEnabled;
    private final SqlFilterCache cache;

    public SubscriptionFilters(boolean propertyFilterEnabled, SqlFilterCache cache) {
        this.propertyFilterEnabled = propertyFilterEnabled;
        this.cache = cache;
    }

    /** A subscription carried by a pull header (lite pull consumers): TAG or SQL92. */
    public SubscriptionData fromPullHeader(String topic, String expressionType, String expression, long subVersion) {
        if (ExpressionType.isTagType(expressionType)) {
            return TagFilter.parse(topic, expression, subVersion);
        }
        if (!ExpressionType.SQL92.equals(expressionType)) {
            throw unsupportedType(expressionType, topic);
        }
        return new SubscriptionData(topic, expression, Set.of(), Set.of(), subVersion, ExpressionType.SQL92, false);
    }

    /** The store filter a pull reads through. */
    public MessageFilter forPull(String group, SubscriptionData subscription) {
        if (ExpressionType.isTagType(subscription.expressionType())) {
            return TagFilter.of(subscription);
        }
        check(group, subscription);
        return new PropertyFilter(cache.compile(group, subscription.topic(), subscription.subString()));
    }

    /** CHECK_CLIENT_CONFIG: would a pull with this subscription be served? */
    public void check(String group, SubscriptionData subscription) {
        if (ExpressionType.isTagType(subscription.expressionType())) {
            return;
        }
        if (!ExpressionType.SQL92.equals(subscription.expressionType())) {
            throw unsupportedType(subscription.expressionType(), subscription.topic() + " of group " + group);
        }
        if (!propertyFilterEnabled) {
            throw new FilterRefusal(
                    ResponseCode.SYSTEM_ERROR,
                    "The broker does not support consumer to filter message by SQL92"
                            + " (set enablePropertyFilter=true in broker.conf)");
        }
        checkSyntax(group, subscription);
    }

    /**
     * The expression compiles (HEART_BEAT checks only this: with the filter disabled a SQL92 consumer
     * is still registered, and its pulls are refused).
     */
    public void checkSyntax(String group, SubscriptionData subscription) {
        if (!ExpressionType.SQL92.equals(subscription.expressionType())) {
            return;
        }
        try {
            cache.compile(group, subscription.topic(), subscription.subString());
        } catch (FilterParseException e) {
            throw new FilterRefusal(
                    ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    "the SQL92 expression of group " + group + " on topic " + subscription.topic() + " is invalid: "
                            + e.getMessage() + " (" + subscription.subString() + ")");
        }
    }

    private static FilterRefusal unsupportedType(String type, String subscribed) {
        return new FilterRefusal(
                ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                "the expression type " + type + " (subscription to " + subscribed
                        + ") is not supported; use TAG or SQL92");
    }
}
