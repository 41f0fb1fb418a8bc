package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.remoting.protocol.ResponseCode;

/**
 * Refuses the kinds of message this broker cannot serve yet. Storing a delayed message as a plain one
 * would deliver it early, and a half message before its commit, so they are refused with a clear remark
 * until their diversion exists.
 */
public final class UnservedFeatureRefusal implements MessageDiversion {

    @Override
    public Message divert(Message message) {
        if ((message.sysFlag() & MessageSysFlag.TRANSACTION_PREPARED_TYPE) != 0) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "this broker does not accept transactional (half) messages yet");
        }
        String delayLevel = message.property(MessageConst.DELAY_TIME_LEVEL);
        boolean delayed = delayLevel != null
                && !delayLevel.isBlank()
                && !delayLevel.trim().equals("0");
        if (delayed) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, "this broker does not deliver delayed messages yet");
        }
        return message;
    }
}
