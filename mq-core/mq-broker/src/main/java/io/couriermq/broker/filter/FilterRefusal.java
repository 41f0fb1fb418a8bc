package io.couriermq.broker.filter;

import io.couriermq.remoting.protocol.ResponseCode;

/** A subscription the broker will not filter by: the response code and remark the client gets. */
public final class FilterRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResponseCode code;

    public FilterRefusal(ResponseCode code, String message) {
        super(message);
        this.code = code;
    }

    public ResponseCode code() {
        return code;
    }
}
