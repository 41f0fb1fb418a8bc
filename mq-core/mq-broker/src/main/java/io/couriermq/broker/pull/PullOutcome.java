package io.couriermq.broker.pull;

import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.store.GetResult;

/**
 * What a pull answers for a store read: the response code and the offset the consumer continues from
 * (remoting-protocol §6.5). PULL_NOT_FOUND is the only outcome a pull may be held on.
 */
public record PullOutcome(ResponseCode code, long nextBeginOffset) {

    public static PullOutcome of(GetResult result, long requestedOffset) {
        return switch (result.status()) {
            case FOUND -> new PullOutcome(ResponseCode.SUCCESS, result.nextBeginOffset());
            case NO_MATCHED_MESSAGE -> new PullOutcome(ResponseCode.PULL_RETRY_IMMEDIATELY, result.nextBeginOffset());
            case OFFSET_OVERFLOW_ONE -> new PullOutcome(ResponseCode.PULL_NOT_FOUND, requestedOffset);
            case OFFSET_TOO_SMALL -> new PullOutcome(ResponseCode.PULL_OFFSET_MOVED, result.minOffset());
            case OFFSET_OVERFLOW_BADLY -> new PullOutcome(ResponseCode.PULL_OFFSET_MOVED, result.maxOffset());
            case NO_MESSAGE_IN_QUEUE ->
                requestedOffset == 0
                        ? new PullOutcome(ResponseCode.PULL_NOT_FOUND, 0)
                        : new PullOutcome(ResponseCode.PULL_OFFSET_MOVED, 0);
        };
    }
}
