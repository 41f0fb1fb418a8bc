package io.couriermq.broker.replica;

import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;

/**
 * How a slave asks its master something: one request, its response. Throws {@link
 * io.couriermq.remoting.rpc.RemotingException} when the master cannot be reached or does not answer.
 */
@FunctionalInterface
public interface MasterRequests {

    RemotingCommand invoke(String masterAddress, RemotingCommand request);

    /** Over a remoting client, each request waiting at most {@code timeoutMs}. */
    static MasterRequests over(NettyRemotingClient client, long timeoutMs) {
        return (address, request) -> client.invokeSync(address, request, timeoutMs);
    }
}
