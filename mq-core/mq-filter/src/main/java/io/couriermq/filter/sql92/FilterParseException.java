package io.couriermq.filter.sql92;

/**
 * A SQL92 filter expression that cannot be compiled. The message names the problem and the 1-based
 * column where it was found ({@code "expected ')' at position 17"}), so a consumer's start-up error
 * points at the mistake.
 */
public final class FilterParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    public FilterParseException(String problem, int position) {
        super(problem + " at position " + position);
        this.problem = problem;
        this.position = position;
    }

    /** The 1-based column of the offending character or token. */
    public int position() {
        return position;
    }

    /** The problem without its position. */
    public String problem() {
        return problem;
    }
}
