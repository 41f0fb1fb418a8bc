package io.couriermq.filter.sql92;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Identifiers start with a letter, '_' or '$' and continue with
 * letters, digits, '_', '$' or '.'; numbers are decimal integers (optional L suffix) or decimals with an
 * optional exponent; strings are single-quoted with {@code ''} for a quote. Anything else is refused
 * with its position.
 */
final class Lexer {
    private final String source;
    private int index;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        return new Lexer(source).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= source.length()) {
                tokens.add(new Token(TokenType.END, "", index + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
            index++;
        }
    }

    private Token next() {
        char c = source.charAt(index);
        int start = index;
        if (isIdentifierStart(c)) {
            while (index < source.length() && isIdentifierPart(source.charAt(index))) {
                index++;
            }
            String word = source.substring(start, index);
            return new Token(TokenType.ofWord(word), word, start + 1);
        }
        // ASCII digits only, as number() reads them: a digit of another script ('\u0663') started a number
        // that consumed nothing, and the lexer added empty tokens until the heap ran out
        if (isDigit(index) || (c == '.' && isDigit(index + 1))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        return operator(c, start);
    }

    private Token number(int start) {
        digits();
        if (index < source.length() && source.charAt(index) == '.') {
            index++;
            digits();
        }
        if (index < source.length() && (source.charAt(index) == 'e' || source.charAt(index) == 'E')) {
            index++;
            if (index < source.length() && (source.charAt(index) == '+' || source.charAt(index) == '-')) {
                index++;
            }
            if (!isDigit(index)) {
                throw new FilterParseException("malformed number '" + source.substring(start, index) + "'", start + 1);
            }
            digits();
        }
        String text = source.substring(start, index);
        if (index < source.length() && (source.charAt(index) == 'L' || source.charAt(index) == 'l')) {
            index++;
        }
        if (index < source.length() && isIdentifierPart(source.charAt(index))) {
            throw new FilterParseException("malformed number '" + source.substring(start, index + 1) + "'", start + 1);
        }
        return new Token(TokenType.NUMBER, text, start + 1);
    }

    private void digits() {
        while (isDigit(index)) {
            index++;
        }
    }

    private boolean isDigit(int at) {
        return at < source.length() && Character.isDigit(source.charAt(at)) && source.charAt(at) < 128;
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        index++;
        while (index < source.length()) {
            char c = source.charAt(index++);
            if (c != '\'') {
                value.append(c);
            } else if (index < source.length() && source.charAt(index) == '\'') {
                value.append('\'');
                index++;
            } else {
                return new Token(TokenType.STRING, value.toString(), start + 1);
            }
        }
        throw new FilterParseException("unterminated string", start + 1);
    }

    private Token operator(char c, int start) {
        index++;
        TokenType type =
                switch (c) {
                    case '(' -> TokenType.LEFT_PAREN;
                    case ')' -> TokenType.RIGHT_PAREN;
                    case ',' -> TokenType.COMMA;
                    case '=' -> TokenType.EQUAL;
                    case '+' -> TokenType.PLUS;
                    case '-' -> TokenType.MINUS;
                    case '>' -> follows('=') ? TokenType.GREATER_OR_EQUAL : TokenType.GREATER;
                    case '<' ->
                        follows('=') ? TokenType.LESS_OR_EQUAL : follows('>') ? TokenType.NOT_EQUAL : TokenType.LESS;
                    default -> null;
                };
        if (type == null) {
            // Take the rest of a symbol run ("!=", "&&", "||") so the message shows the whole operator.
            while (index < source.length() && "!=&|*/%^~<>".indexOf(source.charAt(index)) >= 0) {
                index++;
            }
            throw new FilterParseException("unknown operator '" + source.substring(start, index) + "'", start + 1);
        }
        return new Token(type, source.substring(start, index), start + 1);
    }

    private boolean follows(char expected) {
        if (index < source.length() && source.charAt(index) == expected) {
            index++;
            return true;
        }
        return false;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '.';
    }
}
