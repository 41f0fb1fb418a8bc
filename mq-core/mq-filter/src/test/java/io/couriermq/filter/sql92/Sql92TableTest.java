package io.couriermq.filter.sql92;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The table of expressions ({@code sql92-table.csv}): each row is an expression and either its truth
 * for one fixed message or the exact compile error. Rows were cross-checked against the official
 * broker's filter where the semantics agree (see {@link Sql92Expression} for where they do not).
 */
class Sql92TableTest {

    private static final Map<String, String> MESSAGE = Map.of(
            "a", "5",
            "s", "hello",
            "d", "2.5",
            "b", "true",
            "TAGS", "TagA",
            "e", "",
            "neg", "-3",
            "ws", " 7",
            "big", "9223372036854775807",
            "q", "it's");

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvFileSource(resources = "/sql92-table.csv", delimiter = '|', ignoreLeadingAndTrailingWhitespace = true)
    void evaluatesOrRefuses(String expression, String expected) {
        switch (expected) {
            case "TRUE", "FALSE", "UNKNOWN" -> {
                Sql92Expression compiled = Sql92Expression.compile(expression);
                assertThat(compiled.evaluate(MESSAGE::get)).isEqualTo(Truth.valueOf(expected));
                assertThat(compiled.matches(MESSAGE::get)).isEqualTo(expected.equals("TRUE"));
            }
            default ->
                assertThatThrownBy(() -> Sql92Expression.compile(expression))
                        .isInstanceOf(FilterParseException.class)
                        .hasMessage(expected);
        }
    }
}
