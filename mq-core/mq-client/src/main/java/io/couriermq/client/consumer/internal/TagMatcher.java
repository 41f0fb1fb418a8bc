package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.ExpressionType;
import io.couriermq.remoting.protocol.body.SubscriptionData;

/**
 * The client's exact re-check of a TAG subscription. The broker filters on the 32-bit hash of the tag,
 * so two tags with the same hash both pass there; only the string comparison here removes the stranger.
 * SQL92 subscriptions are the broker's alone.
 */
public final class TagMatcher {
    private TagMatcher() {}

    public static boolean matches(SubscriptionData subscription, String tags) {
        if (!ExpressionType.isTagType(subscription.expressionType()) || subscription.matchesAll()) {
            return true;
        }
        return tags != null && subscription.tagsSet().contains(tags);
    }
}
