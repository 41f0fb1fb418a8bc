package io.couriermq.filter.sql92;

import java.util.Locale;
import java.util.Map;

/** The kinds of token the lexer produces; keywords are recognised case-insensitively. */
enum TokenType {
    IDENTIFIER,
    NUMBER,
    STRING,
    AND,
    OR,
    NOT,
    BETWEEN,
    IN,
    IS,
    NULL,
    TRUE,
    FALSE,
    CONTAINS,
    STARTSWITH,
    ENDSWITH,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    EQUAL,
    NOT_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    PLUS,
    MINUS,
    END;

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("AND", AND),
            Map.entry("OR", OR),
            Map.entry("NOT", NOT),
            Map.entry("BETWEEN", BETWEEN),
            Map.entry("IN", IN),
            Map.entry("IS", IS),
            Map.entry("NULL", NULL),
            Map.entry("TRUE", TRUE),
            Map.entry("FALSE", FALSE),
            Map.entry("CONTAINS", CONTAINS),
            Map.entry("STARTSWITH", STARTSWITH),
            Map.entry("ENDSWITH", ENDSWITH));

    /** The keyword spelled by {@code word} in any case, or {@link #IDENTIFIER}. */
    static TokenType ofWord(String word) {
        return KEYWORDS.getOrDefault(word.toUpperCase(Locale.ROOT), IDENTIFIER);
    }

    boolean isComparison() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> true;
            default -> false;
        };
    }

    boolean isTextMatch() {
        return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
    }
}
