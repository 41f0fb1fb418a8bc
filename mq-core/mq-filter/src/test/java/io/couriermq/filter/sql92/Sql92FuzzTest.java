package io.couriermq.filter.sql92;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL92 lexer, parser and evaluator over expressions from {@code sql92-table.csv}, mutated by token
 * (dropped, repeated, swapped, replaced by keywords, operators and odd literals) and by byte, plus long
 * AND/OR chains: compiling returns or throws {@link FilterParseException}; a compiled expression
 * evaluates against odd property values without throwing.
 */
class Sql92FuzzTest {
    private static final int INPUTS = 10_000;
    private static final String[] TOKENS = {
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "(",
        ")",
        "IN",
        "BETWEEN",
        "IS",
        "NULL",
        "TRUE",
        "FALSE",
        "=",
        "<>",
        "<",
        ">",
        "<=",
        ">=",
        ",",
        "'x'",
        "''",
        "'it''s'",
        "'",
        "1",
        "1.5",
        "-1",
        "+2",
        "5L",
        "9223372036854775808",
        "-9223372036854775809",
        "1e999",
        "1e-999",
        "0x1F",
        "NaN",
        ".",
        "CONTAINS",
        "STARTSWITH",
        "ENDSWITH",
        "a",
        "d",
        "s",
        "TAGS",
        "neg",
        "big",
        "ws",
        "LIKE",
        "+",
        "-",
        "*",
        "\"",
        "\u0000",
        "ü",
        "名"
    };
    private static final String[] VALUES = {
        "5",
        "5.0",
        "-3",
        " 7",
        "",
        "true",
        "FALSE",
        "hello",
        "NaN",
        "Infinity",
        "1e400",
        "-0",
        "0x10",
        "9223372036854775808",
        "1.7976931348623157E309",
        "4.9E-325",
        "\u0000",
        "ü名",
        "1_000"
    };

    private static List<String> seeds;

    @BeforeAll
    static void readSeeds() throws IOException {
        try (InputStream table = Sql92FuzzTest.class.getResourceAsStream("/sql92-table.csv")) {
            seeds = new String(table.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.lastIndexOf('|')).trim())
                    .toList();
        }
        assertThat(seeds).hasSizeGreaterThan(50);
    }

    @Test
    void expressionsCompileOrAreRefusedAndEvaluateWithoutThrowing() {
        Fuzz.of("sql92 lexer/parser/evaluator", Sql92FuzzTest::expression)
                .expecting(FilterParseException.class)
                // tokens and the compiled tree take a constant share per character; 256 still catches a
                // quadratic blow-up or a buffer sized from a number in the text
                .allocationBound(text -> text.length(), 256)
                .run(INPUTS, Sql92FuzzTest::compileAndEvaluate);
    }

    /** Found by the fuzz test: a chain this long was a tree this deep, and evaluating it overflowed the stack. */
    @Test
    void aTwentyThousandTermChainEvaluatesWithoutRecursion() {
        String chain = String.join(" AND ", Collections.nCopies(20_000, "(a = 5)"));
        assertThat(Sql92Expression.compile(chain).evaluate(Map.of("a", "5")::get))
                .isEqualTo(Truth.TRUE);
        assertThat(Sql92Expression.compile(chain + " AND a = 6").evaluate(Map.of("a", "5")::get))
                .isEqualTo(Truth.FALSE);
        assertThat(Sql92Expression.compile(chain.replace(" AND ", " OR ") + " OR b = 1")
                        .evaluate(Map.of("a", "4")::get))
                .isEqualTo(Truth.UNKNOWN);
    }

    /** Found by the fuzz test (seed 8292547300984884477, input 356): the lexer looped for ever on a non-ASCII digit. */
    @Test
    void aDigitOfAnotherScriptIsRefusedNotLoopedOver() {
        for (String source :
                List.of("a = \u0663", "c\u07c7\ufffd \ufffd]u\ufffd\ufffd\ufffd\u0004a > 3 and", "\uff11 < a")) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> assertThatThrownBy(() -> Sql92Expression.compile(source))
                            .isInstanceOf(FilterParseException.class)
                            .hasMessageContaining("unknown operator"));
        }
    }

    private static void compileAndEvaluate(String source) {
        Sql92Expression expression = Sql92Expression.compile(source);
        Map<String, String> properties = Map.of(
                "a",
                VALUES[Math.floorMod(source.hashCode(), VALUES.length)],
                "s",
                VALUES[Math.floorMod(source.length(), VALUES.length)],
                "d",
                "2.5",
                "TAGS",
                "TagA");
        Truth truth = expression.evaluate(properties::get);
        assertThat(expression.matches(properties::get)).isEqualTo(truth == Truth.TRUE);
    }

    private static String expression(SplittableRandom random) {
        String seed = seeds.get(random.nextInt(seeds.size()));
        return switch (random.nextInt(10)) {
            case 0 -> new String(Mutator.mutate(seed.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.UTF_8);
            case 1 -> chain(seed, random);
            default -> mutateTokens(seed, random);
        };
    }

    /** {@code seed OR seed OR ...}: a long flat chain, which nesting limits do not bound. */
    private static String chain(String seed, SplittableRandom random) {
        int links = random.nextInt(100) == 0 ? 20_000 : 1 + random.nextInt(50);
        String operator = random.nextBoolean() ? " OR " : " AND ";
        return String.join(operator, Collections.nCopies(links, "(" + seed + ")"));
    }

    private static String mutateTokens(String seed, SplittableRandom random) {
        List<String> tokens = new ArrayList<>(Arrays.asList(seed.split(" +")));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(tokens.size() + 1);
            String token = TOKENS[random.nextInt(TOKENS.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (at < tokens.size()) {
                        tokens.remove(at);
                    }
                }
                case 1 -> tokens.add(at, token);
                case 2 -> {
                    if (at < tokens.size()) {
                        tokens.set(at, token);
                    }
                }
                default -> {
                    if (tokens.size() > 1) {
                        Collections.swap(tokens, random.nextInt(tokens.size()), random.nextInt(tokens.size()));
                    }
                }
            }
        }
        return String.join(random.nextInt(5) == 0 ? "" : " ", tokens);
    }
}
