package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.remoting.protocol.ResponseCode;

/**
 * Refuses the kinds of message this broker cannot serve yet. Storing a delayed message as a plain one
 * would deliver it early, so it is refused with a clear remark until its diversion exists.
 */
public final class UnservedFeatureRefusal implements MessageDiversion {

    @Override
    public Message divert(Message message) {
        String delayLevel = message.property(MessageConst.DELAY_TIME_LEVEL);
        boolean delayed = delayLevel != null
                && !delayLevel.isBlank()
                && !delayLevel.trim().equals("0");
        if (delayed
                || message.property(MessageConst.TIMER_DELIVER_MS) != null
                || message.property(MessageConst.TIMER_DELAY_SEC) != null
                || message.property(MessageConst.TIMER_DELAY_MS) != null) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL, "this broker does not deliver delayed or timed messages yet");
        }
        return message;
    }
}
