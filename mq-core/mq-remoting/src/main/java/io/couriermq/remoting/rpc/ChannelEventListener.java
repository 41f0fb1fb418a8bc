package io.couriermq.remoting.rpc;

/** Connection lifecycle events, delivered on the connection's event loop: keep handlers short. */
public interface ChannelEventListener {

    default void onConnected(RemotingChannel channel) {}

    /** The connection is gone, for whatever reason (peer close, idle, error, shutdown). */
    default void onClosed(RemotingChannel channel) {}
}
