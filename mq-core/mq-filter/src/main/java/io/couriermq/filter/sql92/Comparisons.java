package io.couriermq.filter.sql92;

import java.util.Locale;

/**
 * Builds a comparison node and decides its {@link CompareMode}, refusing comparisons whose outcome
 * could never be TRUE for any message: with NULL (use IS NULL), an ordering operator on a string or
 * boolean constant, or two constants of different kinds.
 */
final class Comparisons {
    private Comparisons() {}

    static Condition build(Operand left, Token leftToken, Token operator, Operand right, Token rightToken) {
        checkNotNull(left, leftToken);
        checkNotNull(right, rightToken);
        boolean ordering = operator.type() != TokenType.EQUAL && operator.type() != TokenType.NOT_EQUAL;
        if (ordering) {
            checkNumeric(left, leftToken, operator);
            checkNumeric(right, rightToken, operator);
        }
        Operand.Kind leftKind = kindOf(left);
        Operand.Kind rightKind = kindOf(right);
        if (leftKind != null && rightKind != null && leftKind != rightKind) {
            throw new FilterParseException(
                    "cannot compare " + leftToken.describe() + " with " + rightToken.describe(), leftToken.position());
        }
        Operand.Kind constantKind = leftKind != null ? leftKind : rightKind;
        CompareMode mode;
        if (ordering || constantKind == Operand.Kind.NUMBER) {
            mode = CompareMode.NUMBER;
        } else if (constantKind == Operand.Kind.BOOLEAN) {
            mode = CompareMode.BOOLEAN;
        } else {
            mode = CompareMode.TEXT;
        }
        return new Condition.Comparison(left, operator.type(), right, mode);
    }

    private static Operand.Kind kindOf(Operand operand) {
        return operand instanceof Operand.Constant constant ? constant.kind() : null;
    }

    private static void checkNotNull(Operand operand, Token token) {
        if (kindOf(operand) == Operand.Kind.NULL) {
            throw new FilterParseException("cannot compare with NULL, use IS NULL or IS NOT NULL", token.position());
        }
    }

    private static void checkNumeric(Operand operand, Token token, Token operator) {
        Operand.Kind kind = kindOf(operand);
        if (kind == Operand.Kind.STRING || kind == Operand.Kind.BOOLEAN) {
            throw new FilterParseException(
                    "operator " + operator.text().toUpperCase(Locale.ROOT) + " compares numbers, not "
                            + token.describe(),
                    token.position());
        }
    }
}
