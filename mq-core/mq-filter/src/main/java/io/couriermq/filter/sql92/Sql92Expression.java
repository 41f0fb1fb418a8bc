package io.couriermq.filter.sql92;

import java.util.Objects;

/**
 * A compiled SQL92 filter expression (RocketMQ's {@code MessageSelector.bySql}, a JMS-selector
 * dialect) over message properties. Compile once with {@link #compile}; the result is immutable and
 * thread-safe and {@link #matches} allocates nothing of its own.
 *
 * <h2>Semantics</h2>
 * Every property value is a string. Choices, checked against the official broker's filter
 * (rocketmq-filter 5.2.0) and where we differ on purpose:
 *
 * <ul>
 *   <li><b>Three-valued logic.</b> A comparison, BETWEEN or IN with a missing property is UNKNOWN, and
 *       AND / OR / NOT follow SQL ({@code UNKNOWN OR TRUE} is TRUE, {@code NOT UNKNOWN} is UNKNOWN). A
 *       message matches only when the whole expression is TRUE. Same as the official broker.
 *   <li><b>Numbers.</b> A comparison with a number constant, or with {@code < <= > >=} or BETWEEN,
 *       reads the value as a number: {@code a = 5} matches "5" and "5.0". A value that is not written
 *       like a number (letters, spaces) makes the comparison UNKNOWN. The official broker instead
 *       converts the value to the constant's Java type and fails the whole evaluation on an error; so
 *       {@code d > 2} with d = "2.5" is TRUE here but no match there, and {@code s > 3 OR a = 5} can
 *       match here (the official evaluation throws and does not match).
 *   <li><b>Strings.</b> {@code =}, {@code <>} and IN compare exactly; IN takes string constants only.
 *       Ordering a string ({@code s > 'a'}) is refused at compile time, as the official filter does.
 *   <li><b>Booleans.</b> {@code b = TRUE} matches "true" in any case; a property used as a condition
 *       ({@code WHERE b}) is TRUE for "true", FALSE for "false", otherwise UNKNOWN. (Official: any
 *       other text counts as false, so {@code a = FALSE} matches a = "5" there, not here.)
 *   <li><b>NULL.</b> Only IS NULL / IS NOT NULL see a missing property; comparing with NULL is refused
 *       at compile time, as the official filter does.
 *   <li><b>CONTAINS / STARTSWITH / ENDSWITH</b> are two-valued like the official ones: a missing
 *       property or an empty pattern makes both the plain and the NOT form FALSE.
 *   <li><b>Syntax.</b> Keywords are case-insensitive; property names are case-sensitive ({@code TAGS}
 *       is the tag). NOT binds looser than a predicate. Trailing tokens, arithmetic and LIKE are
 *       refused (the official parser silently ignores trailing tokens such as the {@code )} in
 *       {@code a > 3)}). BETWEEN bounds must be numbers in order.
 * </ul>
 */
public final class Sql92Expression {
    private final String source;
    private final Condition root;

    private Sql92Expression(String source, Condition root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles {@code source}.
     *
     * @throws FilterParseException naming the problem and its 1-based position
     */
    public static Sql92Expression compile(String source) {
        if (source == null) {
            throw new FilterParseException("empty expression", 1);
        }
        return new Sql92Expression(source, Parser.parse(source));
    }

    /** The expression's truth for one message. */
    public Truth evaluate(PropertySource properties) {
        return root.test(Objects.requireNonNull(properties, "properties"));
    }

    /** Whether a message with these properties passes the filter: only when the expression is TRUE. */
    public boolean matches(PropertySource properties) {
        return evaluate(properties) == Truth.TRUE;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
