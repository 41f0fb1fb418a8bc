package io.couriermq.broker.send;

import io.couriermq.remoting.protocol.ResponseCode;

/** A send refused before it reached the store, with the response code and remark the producer gets. */
public final class SendRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResponseCode code;

    public SendRejection(ResponseCode code, String remark) {
        super(remark);
        this.code = code;
    }

    public ResponseCode code() {
        return code;
    }
}
