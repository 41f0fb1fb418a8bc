package io.couriermq.filter.sql92;

/**
 * One token: its kind, its text as written (for strings: the value, quotes removed and {@code ''}
 * unescaped) and the 1-based column where it starts.
 */
record Token(TokenType type, String text, int position) {

    /** How an error message shows this token. */
    String describe() {
        return type == TokenType.END ? "the end of the expression" : "'" + text + "'";
    }
}
