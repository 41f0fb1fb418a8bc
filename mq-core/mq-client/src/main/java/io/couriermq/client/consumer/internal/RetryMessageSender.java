package io.couriermq.client.consumer.internal;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a consumed message to the group's {@code %RETRY%} topic as a plain SEND_MESSAGE_V2, the way the
 * official client does when CONSUMER_SEND_MSG_BACK fails and when an orderly message used up its
 * attempts (remoting-protocol §6.6, second row): the retry count and the limit travel as the
 * RECONSUME_TIME / MAX_RECONSUME_TIMES properties, the original topic as RETRY_TOPIC. The broker moves it
 * to the dead-letter queue when the count exceeds the limit (or the group consumes orderly).
 */
public final class RetryMessageSender {
    /** The group the official client's internal producer uses for these sends. */
    static final String INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";

    private final ConsumerRequests requests;
    private final Clock clock;

    public RetryMessageSender(ConsumerRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Sends {@code message} to {@code %RETRY%<group>} on the broker it came from; fails with a
     * ClientException.
     *
     * @param reconsumeTimes the count the copy carries (the original's plus one for a retry)
     * @param delayLevel 0 for none
     */
    public void send(ReceivedMessage message, String group, int reconsumeTimes, int maxReconsumeTimes, int delayLevel) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.putIfAbsent(MessageConst.RETRY_TOPIC, message.topic());
        properties.putIfAbsent(MessageConst.ORIGIN_MESSAGE_ID, message.messageId());
        properties.put(MessageConst.RECONSUME_TIME, Integer.toString(reconsumeTimes));
        properties.put(MessageConst.MAX_RECONSUME_TIMES, Integer.toString(maxReconsumeTimes));
        properties.remove(MessageConst.TRANSACTION_PREPARED);
        properties.remove(MessageConst.DELAY_TIME_LEVEL);
        if (delayLevel > 0) {
            properties.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(delayLevel));
        }
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                INNER_PRODUCER_GROUP,
                StartOffsets.retryTopicOf(group),
                "TBW102",
                4,
                0,
                0,
                clock.millis(),
                0,
                MessageProperties.encode(properties),
                reconsumeTimes,
                false,
                maxReconsumeTimes,
                false,
                message.brokerName());
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .header(header.v2())
                .body(message.body())
                .build();
        requests.call(message.brokerName(), request);
    }
}
