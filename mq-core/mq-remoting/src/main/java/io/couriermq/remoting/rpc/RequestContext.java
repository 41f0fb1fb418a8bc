package io.couriermq.remoting.rpc;

import io.couriermq.remoting.protocol.RemotingCommand;

/**
 * What a processor knows about the request it handles: the channel it came on, and a way to answer
 * later (long polling, waiting for a flush) instead of from {@link RequestProcessor#process}.
 */
public interface RequestContext {

    RemotingChannel channel();

    /** Sends {@code response} unless the request was oneway. Safe to call from any thread, once. */
    void respond(RemotingCommand response);
}
