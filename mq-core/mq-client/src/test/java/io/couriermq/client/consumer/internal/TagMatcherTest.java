package io.couriermq.client.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.body.SubscriptionData;
import org.junit.jupiter.api.Test;

class TagMatcherTest {

    @Test
    void tagExpressionsSplitTrimAndHashLikeTheOfficialClient() {
        SubscriptionData data = Subscriptions.tags("T", " TagA || TagB ", 5);
        assertThat(data.tagsSet()).containsExactly("TagA", "TagB");
        assertThat(data.codeSet()).containsExactly("TagA".hashCode(), "TagB".hashCode());
        assertThat(data.subVersion()).isEqualTo(5);
        assertThat(Subscriptions.tags("T", "", 1).subString()).isEqualTo("*");
        assertThatThrownBy(() -> Subscriptions.tags("T", "||", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExactTagDecidesNotItsHash() {
        // "Aa" and "BB" have the same String.hashCode(): the broker lets both through
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        SubscriptionData data = Subscriptions.tags("T", "Aa", 1);
        assertThat(TagMatcher.matches(data, "Aa")).isTrue();
        assertThat(TagMatcher.matches(data, "BB")).isFalse();
        assertThat(TagMatcher.matches(data, null)).isFalse();
        assertThat(TagMatcher.matches(Subscriptions.tags("T", "*", 1), null)).isTrue();
    }

    @Test
    void sqlSubscriptionsAreLeftToTheBroker() {
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.subscribeSql("T", "a > 1", 1);
        assertThat(TagMatcher.matches(subscriptions.get("T"), "anything")).isTrue();
        assertThat(subscriptions.get("T").expressionType()).isEqualTo("SQL92");
    }

    @Test
    void aVersionBumpAlwaysMovesForward() {
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.subscribeTags("T", "*", 100);
        subscriptions.bumpVersion("T", 50);
        assertThat(subscriptions.get("T").subVersion()).isEqualTo(101);
        subscriptions.bumpVersion("T", 500);
        assertThat(subscriptions.get("T").subVersion()).isEqualTo(500);
    }
}
