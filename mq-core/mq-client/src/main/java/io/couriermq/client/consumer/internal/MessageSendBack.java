package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns a message a concurrent listener could not consume: CONSUMER_SEND_MSG_BACK to the broker it
 * came from (the broker re-reads it by commit-log offset and schedules the retry), and when that fails
 * the client's own SEND to {@code %RETRY%<group>} with delay {@code 3 + reconsumeTimes}. Returns false
 * when both failed; the caller then keeps the message and consumes it again locally.
 */
public final class MessageSendBack implements SendBack {
    private static final Logger log = LoggerFactory.getLogger(MessageSendBack.class);

    private final String group;
    private final int maxReconsumeTimes;
    private final ConsumerRequests requests;
    private final RetryMessageSender retrySender;

    public MessageSendBack(
            String group, int maxReconsumeTimes, ConsumerRequests requests, RetryMessageSender retrySender) {
        this.group = group;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.requests = requests;
        this.retrySender = retrySender;
    }

    @Override
    public boolean sendBack(ReceivedMessage message, int delayLevel) {
        try {
            RemotingCommand request = RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK)
                    .header(new ConsumerSendMsgBackRequestHeader(
                            message.commitLogOffset(),
                            group,
                            delayLevel,
                            message.messageId(),
                            message.topic(),
                            false,
                            maxReconsumeTimes,
                            message.brokerName()))
                    .build();
            requests.call(message.brokerName(), request);
            return true;
        } catch (ClientException e) {
            log.debug("send-back of {} failed ({}); sending it to the retry topic", message, e.getMessage());
        }
        try {
            retrySender.send(
                    message, group, message.reconsumeTimes() + 1, maxReconsumeTimes, 3 + message.reconsumeTimes());
            return true;
        } catch (ClientException e) {
            log.warn("{} could not be returned for a retry ({}); consuming it again here", message, e.getMessage());
            return false;
        }
    }
}
