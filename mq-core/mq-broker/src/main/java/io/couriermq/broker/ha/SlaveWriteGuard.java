package io.couriermq.broker.ha;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A slave's log is its master's copy, so it takes no message writes (sends, batches, send-backs, end
 * transaction, replies, dead-letter resends, cancels) and no topic or group changes: those answer
 * SERVICE_NOT_AVAILABLE, which the official client treats as "try another broker", with a remark naming
 * the master.
 */
public final class SlaveWriteGuard {
    private static final Set<Integer> WRITES = Set.of(
            RequestCode.SEND_MESSAGE.code(),
            RequestCode.SEND_MESSAGE_V2.code(),
            RequestCode.SEND_BATCH_MESSAGE.code(),
            RequestCode.CONSUMER_SEND_MSG_BACK.code(),
            RequestCode.END_TRANSACTION.code(),
            RequestCode.SEND_REPLY_MESSAGE.code(),
            RequestCode.SEND_REPLY_MESSAGE_V2.code(),
            RequestCode.RESEND_DEAD_LETTER.code(),
            RequestCode.RESEND_DEAD_LETTERS_IN_RANGE.code(),
            RequestCode.CANCEL_PENDING_DELIVERY.code(),
            RequestCode.UPDATE_AND_CREATE_TOPIC.code(),
            RequestCode.DELETE_TOPIC_IN_BROKER.code(),
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP.code(),
            RequestCode.DELETE_SUBSCRIPTIONGROUP.code(),
            RequestCode.INVOKE_BROKER_TO_RESET_OFFSET.code(),
            RequestCode.CLONE_GROUP_OFFSET.code());

    private final String brokerName;
    private final Supplier<String> masterAddress;

    /** @param masterAddress the master's client address, null while unknown */
    public SlaveWriteGuard(String brokerName, Supplier<String> masterAddress) {
        this.brokerName = brokerName;
        this.masterAddress = masterAddress;
    }

    public static boolean isWrite(int code) {
        return WRITES.contains(code);
    }

    /** The processor as a slave runs it: writes refused, everything else handed on. */
    public RequestProcessor guard(RequestProcessor processor) {
        return (context, request) -> isWrite(request.code()) ? refuse(request) : processor.process(context, request);
    }

    private RemotingCommand refuse(RemotingCommand request) {
        String master = masterAddress.get();
        return RemotingCommand.responseTo(request, ResponseCode.SERVICE_NOT_AVAILABLE)
                .remark("broker " + brokerName + " is a slave and takes no writes; write to its master"
                        + (master == null ? "" : " at " + master))
                .build();
    }
}
