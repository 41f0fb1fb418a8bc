package io.couriermq.remoting.rpc;

import io.couriermq.remoting.protocol.RemotingCommand;

/**
 * Decides, before any processor sees a request, whether it may run: access control lives here. Called
 * on the processor's thread, so it may parse a body; it must not block on I/O.
 */
@FunctionalInterface
public interface RequestGuard {

    /**
     * Null to let {@code request} through; otherwise the response that refuses it (never sent for a
     * oneway request, which is dropped).
     */
    RemotingCommand refuse(RemotingChannel channel, RemotingCommand request);

    RequestGuard ALLOW_ALL = (channel, request) -> null;
}
