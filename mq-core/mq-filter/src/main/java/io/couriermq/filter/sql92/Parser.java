package io.couriermq.filter.sql92;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive descent over the tokens, one method per precedence level (lowest first):
 *
 * <pre>
 * expression := or END
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | primary
 * primary    := '(' or ')' | operand [predicate]
 * predicate  := compare operand | [NOT] BETWEEN number AND number | [NOT] IN '(' string (',' string)* ')'
 *             | IS [NOT] NULL | [NOT] (CONTAINS | STARTSWITH | ENDSWITH) string
 * operand    := identifier | ['+' | '-'] number | string | TRUE | FALSE | NULL
 * </pre>
 *
 * NOT binds looser than a predicate ({@code NOT a IN ('x')} is {@code NOT (a IN ('x'))}), as in SQL.
 * Misuse a type check can see before any message exists (NULL in a comparison, a string with an
 * ordering operator, BETWEEN bounds out of order) is refused here, not left to evaluation.
 */
final class Parser {
    /** Deep enough for any real filter, shallow enough that nesting can never overflow the stack. */
    static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private int next;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Condition parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source));
        if (parser.peek().type() == TokenType.END) {
            throw new FilterParseException("empty expression", 1);
        }
        Condition condition = parser.or(0);
        Token rest = parser.peek();
        if (rest.type() != TokenType.END) {
            throw new FilterParseException(
                    "unexpected " + rest.describe() + ", expected AND, OR or the end", rest.position());
        }
        return condition;
    }

    private Condition or(int depth) {
        Condition first = and(depth);
        if (peek().type() != TokenType.OR) {
            return first;
        }
        List<Condition> terms = new ArrayList<>(List.of(first));
        while (accept(TokenType.OR)) {
            terms.add(and(depth));
        }
        return new Condition.Or(terms);
    }

    private Condition and(int depth) {
        Condition first = not(depth);
        if (peek().type() != TokenType.AND) {
            return first;
        }
        List<Condition> terms = new ArrayList<>(List.of(first));
        while (accept(TokenType.AND)) {
            terms.add(not(depth));
        }
        return new Condition.And(terms);
    }

    private Condition not(int depth) {
        Token token = peek();
        if (accept(TokenType.NOT)) {
            checkDepth(depth, token);
            return new Condition.Not(not(depth + 1));
        }
        return primary(depth);
    }

    private Condition primary(int depth) {
        Token token = peek();
        if (accept(TokenType.LEFT_PAREN)) {
            checkDepth(depth, token);
            Condition inner = or(depth + 1);
            expect(TokenType.RIGHT_PAREN, "')'");
            return inner;
        }
        Token operandToken = peek();
        Operand operand = operand();
        return predicate(operand, operandToken);
    }

    private Condition predicate(Operand left, Token leftToken) {
        Token token = peek();
        TokenType type = token.type();
        if (type.isComparison()) {
            advance();
            Token rightToken = peek();
            return Comparisons.build(left, leftToken, token, operand(), rightToken);
        }
        if (type == TokenType.IS) {
            advance();
            boolean negated = accept(TokenType.NOT);
            expect(TokenType.NULL, "NULL after IS" + (negated ? " NOT" : ""));
            Condition isNull = new Condition.IsNull(requireProperty(left, leftToken, token));
            return negated ? new Condition.Not(isNull) : isNull;
        }
        boolean negated = false;
        if (type == TokenType.NOT) {
            advance();
            negated = true;
            token = peek();
            type = token.type();
            if (type != TokenType.BETWEEN && type != TokenType.IN && !type.isTextMatch()) {
                throw new FilterParseException(
                        "expected BETWEEN, IN, CONTAINS, STARTSWITH or ENDSWITH after NOT but found "
                                + token.describe(),
                        token.position());
            }
        }
        if (type == TokenType.BETWEEN) {
            Condition between = between(requireProperty(left, leftToken, advance()));
            return negated ? new Condition.Not(between) : between;
        }
        if (type == TokenType.IN) {
            Condition in = in(requireProperty(left, leftToken, advance()));
            return negated ? new Condition.Not(in) : in;
        }
        if (type.isTextMatch()) {
            Operand value = requireProperty(left, leftToken, advance());
            Token pattern =
                    expect(TokenType.STRING, "a string after " + token.text().toUpperCase(Locale.ROOT));
            return new Condition.TextMatch(value, type, pattern.text(), negated);
        }
        if (type == TokenType.IDENTIFIER || type == TokenType.PLUS || type == TokenType.MINUS) {
            throw new FilterParseException("unknown operator '" + token.text() + "'", token.position());
        }
        return booleanValue(left, leftToken);
    }

    private Condition between(Operand value) {
        Token lowToken = peek();
        Operand.Constant low = number("BETWEEN");
        expect(TokenType.AND, "AND in BETWEEN");
        Operand.Constant high = number("BETWEEN ... AND");
        if (Numbers.compare(low.value(), high.value()) > 0) {
            throw new FilterParseException(
                    "BETWEEN bounds out of order: " + low + " is greater than " + high, lowToken.position());
        }
        return new Condition.Between(value, low, high);
    }

    private Condition in(Operand value) {
        expect(TokenType.LEFT_PAREN, "'(' after IN");
        Set<String> candidates = new LinkedHashSet<>();
        do {
            candidates.add(expect(TokenType.STRING, "a string in the IN list").text());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "')'");
        return new Condition.In(value, Set.copyOf(candidates));
    }

    private static Condition booleanValue(Operand operand, Token token) {
        if (operand instanceof Operand.Constant constant
                && (constant.kind() == Operand.Kind.NUMBER || constant.kind() == Operand.Kind.STRING)) {
            throw new FilterParseException(
                    "expected a condition but found the value " + token.describe(), token.position());
        }
        return new Condition.BooleanValue(operand);
    }

    private Operand operand() {
        Token token = advance();
        return switch (token.type()) {
            case IDENTIFIER -> new Operand.Property(token.text());
            case NUMBER -> new Operand.Constant(Operand.Kind.NUMBER, token.text());
            case PLUS, MINUS -> signedNumber(token);
            case STRING -> new Operand.Constant(Operand.Kind.STRING, token.text());
            case TRUE -> Operand.Constant.TRUE;
            case FALSE -> Operand.Constant.FALSE;
            case NULL -> Operand.Constant.NULL;
            default ->
                throw new FilterParseException(
                        "expected a property or a value but found " + token.describe(), token.position());
        };
    }

    private Operand.Constant signedNumber(Token sign) {
        Token digits = peek();
        if (digits.type() != TokenType.NUMBER) {
            throw new FilterParseException("expected a number after '" + sign.text() + "'", digits.position());
        }
        advance();
        String text = sign.type() == TokenType.MINUS ? "-" + digits.text() : digits.text();
        return new Operand.Constant(Operand.Kind.NUMBER, text);
    }

    private Operand.Constant number(String where) {
        Token token = peek();
        if (token.type() == TokenType.PLUS || token.type() == TokenType.MINUS) {
            advance();
            return signedNumber(token);
        }
        if (token.type() != TokenType.NUMBER) {
            throw new FilterParseException(
                    "expected a number after " + where + " but found " + token.describe(), token.position());
        }
        advance();
        return new Operand.Constant(Operand.Kind.NUMBER, token.text());
    }

    private static Operand requireProperty(Operand operand, Token operandToken, Token operator) {
        if (!(operand instanceof Operand.Property)) {
            throw new FilterParseException(
                    operator.text().toUpperCase(Locale.ROOT) + " needs a property on its left, not "
                            + operandToken.describe(),
                    operandToken.position());
        }
        return operand;
    }

    private static void checkDepth(int depth, Token token) {
        if (depth >= MAX_DEPTH) {
            throw new FilterParseException("expression nested deeper than " + MAX_DEPTH + " levels", token.position());
        }
    }

    private Token expect(TokenType type, String what) {
        Token token = peek();
        if (token.type() != type) {
            String found = token.type() == TokenType.END ? "" : " but found " + token.describe();
            throw new FilterParseException("expected " + what + found, token.position());
        }
        return advance();
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            next++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.type() != TokenType.END) {
            next++;
        }
        return token;
    }
}
