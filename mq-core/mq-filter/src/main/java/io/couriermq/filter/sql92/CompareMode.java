package io.couriermq.filter.sql92;

/**
 * How a comparison reads its two texts, decided once at compile time from the constants involved:
 * numerically when a number constant or an ordering operator is involved, as booleans against TRUE
 * or FALSE, otherwise as exact strings. A value that cannot be read the required way makes the
 * comparison UNKNOWN (a type mismatch is not an error at evaluation time).
 */
enum CompareMode {
    NUMBER {
        @Override
        int compare(String left, String right) {
            return Numbers.compare(left, right);
        }
    },
    BOOLEAN {
        @Override
        int compare(String left, String right) {
            Truth l = Values.asBoolean(left);
            Truth r = Values.asBoolean(right);
            if (l == Truth.UNKNOWN || r == Truth.UNKNOWN) {
                return Numbers.NOT_COMPARABLE;
            }
            return l == r ? 0 : 1;
        }
    },
    TEXT {
        @Override
        int compare(String left, String right) {
            return left.equals(right) ? 0 : 1;
        }
    };

    /** Zero when equal, the sign of the order for numbers, or {@link Numbers#NOT_COMPARABLE}. */
    abstract int compare(String left, String right);
}
