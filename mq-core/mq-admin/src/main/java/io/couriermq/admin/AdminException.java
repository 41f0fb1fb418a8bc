package io.couriermq.admin;

import java.util.OptionalInt;

/**
 * The one failure of the admin client: which server (broker or NameServer, by address), which request,
 * and either the response code and remark it answered or the transport failure that left it unanswered.
 */
public final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int NO_RESPONSE = -1;

    private final String target;
    private final String request;
    private final int responseCode;
    private final String remark;

    public AdminException(String target, String request, int responseCode, String responseName, String remark) {
        super(request + " to " + target + " answered " + responseName + " (" + responseCode + ")"
                + (remark == null || remark.isBlank() ? "" : ": " + remark));
        this.target = target;
        this.request = request;
        this.responseCode = responseCode;
        this.remark = remark;
    }

    public AdminException(String target, String request, String problem, Throwable cause) {
        super(request + " to " + target + " failed: " + problem, cause);
        this.target = target;
        this.request = request;
        this.responseCode = NO_RESPONSE;
        this.remark = problem;
    }

    /** The broker or NameServer address (or a description such as "every NameServer") the request went to. */
    public String target() {
        return target;
    }

    /** The request's name, e.g. {@code GET_CONSUME_STATS}. */
    public String request() {
        return request;
    }

    /** The response code the server answered; empty when no answer came (connection failure, timeout). */
    public OptionalInt responseCode() {
        return responseCode == NO_RESPONSE ? OptionalInt.empty() : OptionalInt.of(responseCode);
    }

    /** The server's remark, or the transport problem. */
    public String remark() {
        return remark;
    }
}
