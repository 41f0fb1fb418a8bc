package io.couriermq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ExpressionType;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.store.MessageFilter;
import java.nio.ByteBuffer;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionFiltersTest {
    private final SqlFilterCache cache = new SqlFilterCache(2);

    @Test
    void sql92IsRefusedWithTheOfficialCodeWhileThePropertyFilterIsDisabled() {
        SubscriptionFilters disabled = new SubscriptionFilters(false, cache);

        assertThatThrownBy(() -> disabled.forPull("cg", sql("a > 1")))
                .isInstanceOfSatisfying(
                        FilterRefusal.class, e -> assertThat(e.code()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                .hasMessageContaining("enablePropertyFilter");
        disabled.checkSyntax("cg", sql("a > 1"));
        assertThat(disabled.forPull("cg", disabled.fromPullHeader("T", "TAG", "*", 0)))
                .isSameAs(MessageFilter.ALL);
    }

    @Test
    void theStoreFilterEvaluatesEachRecordsProperties() {
        SubscriptionFilters enabled = new SubscriptionFilters(true, cache);
        MessageFilter filter = enabled.forPull("cg", enabled.fromPullHeader("T", "SQL92", "a between 0 and 3", 1));

        assertThat(filter.matchesTagsHash(12345)).isTrue();
        assertThat(filter.matchesRecord(record("2"))).isTrue();
        assertThat(filter.matchesRecord(record("7"))).isFalse();
        assertThat(filter.matchesRecord(record(null)))
                .as("no property a: UNKNOWN")
                .isFalse();
    }

    @Test
    void compiledExpressionsAreCachedAndTheCacheStaysBounded() {
        SubscriptionFilters enabled = new SubscriptionFilters(true, cache);
        enabled.check("cg", sql("a > 1"));
        enabled.check("cg", sql("a > 1"));
        assertThat(cache.size()).isEqualTo(1);
        enabled.check("cg", sql("a > 2"));
        enabled.check("cg", sql("a > 3"));
        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void anExpressionThatDoesNotCompileIsAParseFailureNamingThePosition() {
        SubscriptionFilters enabled = new SubscriptionFilters(true, cache);

        assertThatThrownBy(() -> enabled.check("cg", sql("s = 'abc")))
                .isInstanceOfSatisfying(FilterRefusal.class, e -> assertThat(e.code())
                        .isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED))
                .hasMessageContaining("unterminated string at position 5")
                .hasMessageContaining("cg");
        assertThatThrownBy(() -> enabled.fromPullHeader("T", "GROOVY", "x", 0))
                .isInstanceOf(FilterRefusal.class)
                .hasMessageContaining("GROOVY");
    }

    private static SubscriptionData sql(String expression) {
        return new SubscriptionData("T", expression, Set.of(), Set.of(), 1, ExpressionType.SQL92, false);
    }

    private static ByteBuffer record(String a) {
        Message.Builder message =
                Message.builder("T", 0).body(new byte[] {1, 2, 3}).tags("TagA");
        if (a != null) {
            message.property("a", a);
        }
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        buffer.position(7); // a record is found at the slice's position, wherever that is
        int size = MessageEncoder.encode(message.build(), buffer, 1024);
        return buffer.duplicate().position(7).limit(7 + size);
    }
}
