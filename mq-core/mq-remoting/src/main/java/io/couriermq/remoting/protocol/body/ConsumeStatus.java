package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A consumer's rates for one topic over the last minute, as GET_CONSUMER_RUNNING_INFO reports them:
 * average pull and listener times in ms, messages pulled, consumed and failed per second, and the
 * messages that failed in the last hour.
 */
@JsonPropertyOrder({"consumeFailedMsgs", "consumeFailedTPS", "consumeOKTPS", "consumeRT", "pullRT", "pullTPS"})
public record ConsumeStatus(
        double pullRT,
        double pullTPS,
        double consumeRT,
        double consumeOKTPS,
        double consumeFailedTPS,
        long consumeFailedMsgs) {}
