package io.couriermq.filter.sql92;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sql92ExpressionTest {

    @Test
    void oneCompiledExpressionServesManyMessages() {
        Sql92Expression filter = Sql92Expression.compile("a between 0 and 3");

        assertThat(IntStream.range(0, 10).filter(a -> filter.matches(Map.of("a", Integer.toString(a))::get)))
                .containsExactly(0, 1, 2, 3);
        assertThat(filter.matches(Map.<String, String>of()::get)).isFalse();
        assertThat(filter.source()).isEqualTo("a between 0 and 3");
    }

    @Test
    void theErrorNamesProblemAndPosition() {
        assertThatThrownBy(() -> Sql92Expression.compile("(a > 1 AND (b < 2)"))
                .isInstanceOfSatisfying(FilterParseException.class, e -> {
                    assertThat(e.position()).isEqualTo(19);
                    assertThat(e.problem()).isEqualTo("expected ')'");
                })
                .hasMessage("expected ')' at position 19");
    }

    @Test
    void emptyExpressionsAreRefused() {
        assertThatThrownBy(() -> Sql92Expression.compile("   ")).hasMessage("empty expression at position 1");
        assertThatThrownBy(() -> Sql92Expression.compile(null)).hasMessage("empty expression at position 1");
    }

    @Test
    void nestingIsBoundedInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
        String notNot = "NOT ".repeat(10_000) + "a = 1";

        assertThatThrownBy(() -> Sql92Expression.compile(deep))
                .isInstanceOf(FilterParseException.class)
                .hasMessageStartingWith("expression nested deeper than 100 levels");
        assertThatThrownBy(() -> Sql92Expression.compile(notNot)).isInstanceOf(FilterParseException.class);
        assertThat(Sql92Expression.compile("(".repeat(50) + "a = 1" + ")".repeat(50))
                        .matches(Map.of("a", "1")::get))
                .isTrue();
    }
}
