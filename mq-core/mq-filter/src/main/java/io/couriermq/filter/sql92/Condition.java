package io.couriermq.filter.sql92;

import java.util.List;
import java.util.Set;

/**
 * A node of a compiled expression: a condition with a truth value for one message. Nodes are
 * immutable records, so one compiled tree serves any number of threads; evaluating allocates nothing
 * beyond what the property lookup itself does.
 */
sealed interface Condition {

    Truth test(PropertySource properties);

    /**
     * {@code a AND b AND ...} as one node: a chain of any length is evaluated by a loop, not by a
     * recursion as deep as the chain (a 20,000-term filter overflowed the stack when it was nested
     * pairs). FALSE as soon as one term is FALSE, TRUE when all are TRUE, otherwise UNKNOWN.
     */
    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public Truth test(PropertySource properties) {
            Truth result = Truth.TRUE;
            for (int i = 0; i < terms.size(); i++) {
                Truth term = terms.get(i).test(properties);
                if (term == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (term == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
    }

    /** {@code a OR b OR ...} as one node, like {@link And}: TRUE as soon as one term is TRUE, FALSE when all are FALSE. */
    record Or(List<Condition> terms) implements Condition {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public Truth test(PropertySource properties) {
            Truth result = Truth.FALSE;
            for (int i = 0; i < terms.size(); i++) {
                Truth term = terms.get(i).test(properties);
                if (term == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (term == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            return operand.test(properties).not();
        }
    }

    /** A value used as a condition: TRUE, FALSE, NULL, or a property holding "true"/"false". */
    record BooleanValue(Operand operand) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            return Values.asBoolean(operand.text(properties));
        }
    }

    /** {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=} compared as {@code mode} says. */
    record Comparison(Operand left, TokenType operator, Operand right, CompareMode mode) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            String l = left.text(properties);
            String r = right.text(properties);
            if (l == null || r == null) {
                return Truth.UNKNOWN;
            }
            int order = mode.compare(l, r);
            if (order == Numbers.NOT_COMPARABLE) {
                return Truth.UNKNOWN;
            }
            return Truth.of(
                    switch (operator) {
                        case EQUAL -> order == 0;
                        case NOT_EQUAL -> order != 0;
                        case GREATER -> order > 0;
                        case GREATER_OR_EQUAL -> order >= 0;
                        case LESS -> order < 0;
                        case LESS_OR_EQUAL -> order <= 0;
                        default -> throw new IllegalStateException("not a comparison: " + operator);
                    });
        }
    }

    /** {@code value BETWEEN low AND high}, both ends included, numbers only. */
    record Between(Operand value, Operand.Constant low, Operand.Constant high) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            String text = value.text(properties);
            if (text == null) {
                return Truth.UNKNOWN;
            }
            int fromLow = Numbers.compare(text, low.value());
            if (fromLow == Numbers.NOT_COMPARABLE) {
                return Truth.UNKNOWN;
            }
            return Truth.of(fromLow >= 0 && Numbers.compare(text, high.value()) <= 0);
        }
    }

    /** {@code property IN ('a', 'b')}: exact string membership. */
    record In(Operand value, Set<String> candidates) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            String text = value.text(properties);
            return text == null ? Truth.UNKNOWN : Truth.of(candidates.contains(text));
        }
    }

    /** {@code IS NULL}: the only test that is TRUE for a missing property. */
    record IsNull(Operand value) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            return Truth.of(value.text(properties) == null);
        }
    }

    /**
     * CONTAINS, STARTSWITH, ENDSWITH and their NOT forms. Like the official broker these are two-valued:
     * a missing property or an empty pattern makes both the positive and the negated form FALSE.
     */
    record TextMatch(Operand value, TokenType operator, String pattern, boolean negated) implements Condition {
        @Override
        public Truth test(PropertySource properties) {
            String text = value.text(properties);
            if (text == null || pattern.isEmpty()) {
                return Truth.FALSE;
            }
            boolean found =
                    switch (operator) {
                        case CONTAINS -> text.contains(pattern);
                        case STARTSWITH -> text.startsWith(pattern);
                        case ENDSWITH -> text.endsWith(pattern);
                        default -> throw new IllegalStateException("not a text match: " + operator);
                    };
            return Truth.of(found != negated);
        }
    }
}
