package io.couriermq.client.internal;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.rpc.RemotingChannel;

/** Answers a broker's CHECK_TRANSACTION_STATE for one producer group. */
@FunctionalInterface
public interface TransactionCheckHandler {

    /**
     * Called on the runtime's callback executor with the connection the check came on (the answer goes
     * back on it) and the request, whose body is the half message.
     */
    void check(RemotingChannel broker, RemotingCommand request);
}
