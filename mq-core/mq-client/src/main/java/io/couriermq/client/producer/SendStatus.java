package io.couriermq.client.producer;

import io.couriermq.remoting.protocol.ResponseCode;

/**
 * How a stored message was stored. Anything but {@link #SEND_OK} means the broker has it but a
 * durability step it was asked for did not finish in time (the official client's statuses).
 */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE;

    /** The status for a send response code, or null when the code is a failure. */
    public static SendStatus ofResponseCode(int code) {
        if (code == ResponseCode.SUCCESS.code()) {
            return SEND_OK;
        }
        if (code == ResponseCode.FLUSH_DISK_TIMEOUT.code()) {
            return FLUSH_DISK_TIMEOUT;
        }
        if (code == ResponseCode.FLUSH_SLAVE_TIMEOUT.code()) {
            return FLUSH_SLAVE_TIMEOUT;
        }
        if (code == ResponseCode.SLAVE_NOT_AVAILABLE.code()) {
            return SLAVE_NOT_AVAILABLE;
        }
        return null;
    }
}
