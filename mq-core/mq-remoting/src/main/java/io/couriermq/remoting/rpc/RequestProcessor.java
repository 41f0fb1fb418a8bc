package io.couriermq.remoting.rpc;

import io.couriermq.remoting.protocol.RemotingCommand;

/**
 * Handles the requests of one or more codes, on the executor it was registered with.
 *
 * <p>Return the response, or null when there is none to send now: for a oneway request, or when the
 * processor will answer later through {@link RequestContext#respond}. A thrown {@link
 * io.couriermq.remoting.protocol.RemotingCommandException} becomes a SYSTEM_ERROR response carrying its
 * message; any other exception is logged and answered the same way.
 */
@FunctionalInterface
public interface RequestProcessor {

    RemotingCommand process(RequestContext context, RemotingCommand request) throws Exception;
}
