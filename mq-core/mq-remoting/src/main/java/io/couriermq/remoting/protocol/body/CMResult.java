package io.couriermq.remoting.protocol.body;

/** How a listener took a message handed to it by CONSUME_MESSAGE_DIRECTLY (official enum names). */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL
}
