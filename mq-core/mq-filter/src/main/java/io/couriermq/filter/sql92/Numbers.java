package io.couriermq.filter.sql92;

/**
 * Numeric reading of property values without exceptions or boxing: a value is a number when it is
 * written like one (optional sign, digits, optional fraction and exponent, no spaces). Integers that fit
 * a long compare exactly; anything else compares as a double.
 */
final class Numbers {
    /** What {@link #compare} answers when either side is not a number. */
    static final int NOT_COMPARABLE = Integer.MIN_VALUE;

    private static final int LONG_DIGITS = 19;
    private static final String MAX_LONG_DIGITS = "9223372036854775807";
    private static final String MIN_LONG_DIGITS = "9223372036854775808";

    private Numbers() {}

    static int compare(String left, String right) {
        int leftShape = shape(left);
        int rightShape = shape(right);
        if (leftShape == NOT_A_NUMBER || rightShape == NOT_A_NUMBER) {
            return NOT_COMPARABLE;
        }
        if (leftShape == EXACT_INTEGER && rightShape == EXACT_INTEGER) {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        }
        double l = Double.parseDouble(left);
        double r = Double.parseDouble(right);
        return l < r ? -1 : l > r ? 1 : 0;
    }

    static boolean isNumber(String text) {
        return shape(text) != NOT_A_NUMBER;
    }

    private static final int NOT_A_NUMBER = 0;
    private static final int EXACT_INTEGER = 1;
    private static final int DECIMAL = 2;

    private static int shape(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int integerStart = i;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (i == length) {
            if (integerDigits == 0) {
                return NOT_A_NUMBER;
            }
            return fitsLong(text, integerStart, integerDigits) ? EXACT_INTEGER : DECIMAL;
        }
        int fractionDigits = 0;
        if (text.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if (integerDigits + fractionDigits == 0) {
            return NOT_A_NUMBER;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentStart = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == exponentStart) {
                return NOT_A_NUMBER;
            }
        }
        return i == length ? DECIMAL : NOT_A_NUMBER;
    }

    /** Without parsing (no exception on overflow): 19 digits fit when they do not exceed the limit. */
    private static boolean fitsLong(String text, int digitsStart, int digits) {
        if (digits != LONG_DIGITS) {
            return digits < LONG_DIGITS;
        }
        String limit = text.charAt(0) == '-' ? MIN_LONG_DIGITS : MAX_LONG_DIGITS;
        return text.substring(digitsStart).compareTo(limit) <= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
