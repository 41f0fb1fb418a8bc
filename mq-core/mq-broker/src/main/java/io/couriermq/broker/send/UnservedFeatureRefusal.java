package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.remoting.protocol.ResponseCode;

/**
 * Refuses the kinds of message this broker cannot serve yet. Storing a half message as a plain one
 * would deliver it before its commit, so it is refused with a clear remark until its diversion exists.
 */
public final class UnservedFeatureRefusal implements MessageDiversion {

    @Override
    public Message divert(Message message) {
        if ((message.sysFlag() & MessageSysFlag.TRANSACTION_PREPARED_TYPE) != 0) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "this broker does not accept transactional (half) messages yet");
        }
        return message;
    }
}
