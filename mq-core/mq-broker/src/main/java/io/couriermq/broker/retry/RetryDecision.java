package io.couriermq.broker.retry;

/**
 * Where a message that failed consumption goes next (remoting-protocol §6.6): back to the group's retry
 * topic with a delay level, or to its dead-letter topic.
 *
 * @param deadLetter true for the DLQ
 * @param delayLevel the retry's delay level; 0 for a dead letter, or to keep the level the client set
 */
public record RetryDecision(boolean deadLetter, int delayLevel) {
    /** The level RocketMQ retries at when nobody chose one: 10 s, then 30 s, 1 m ... */
    static final int FIRST_RETRY_LEVEL = 3;

    static final RetryDecision DEAD_LETTER = new RetryDecision(true, 0);

    /**
     * CONSUMER_SEND_MSG_BACK: a dead letter once the message has been reconsumed {@code
     * maxReconsumeTimes} times or when the client asks for it ({@code requestedLevel < 0}); else a retry
     * at the requested level, or at {@code 3 + reconsumeTimes} when the request left it to the broker (0).
     */
    public static RetryDecision forSendBack(int reconsumeTimes, int requestedLevel, int maxReconsumeTimes) {
        if (reconsumeTimes >= maxReconsumeTimes || requestedLevel < 0) {
            return DEAD_LETTER;
        }
        return new RetryDecision(false, requestedLevel == 0 ? FIRST_RETRY_LEVEL + reconsumeTimes : requestedLevel);
    }

    /**
     * A client's own SEND to the retry topic (its fallback when the send-back failed): the client already
     * counted this attempt, so a dead letter only past the maximum, or at once for a group consuming
     * orderly (its retries happen in the client; a retry topic message would break the order).
     */
    public static RetryDecision forRetrySend(int reconsumeTimes, int maxReconsumeTimes, boolean orderlyGroup) {
        if (reconsumeTimes > maxReconsumeTimes || orderlyGroup) {
            return DEAD_LETTER;
        }
        return new RetryDecision(false, 0);
    }
}
