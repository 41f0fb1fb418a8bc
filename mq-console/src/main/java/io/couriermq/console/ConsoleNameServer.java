package io.couriermq.console;

/**
 * Where the console finds the cluster: the NameServer address(es), "host:port;host:port". The apps
 * supply it (the NameServer app: itself; the broker app: its namesrvAddr). It is asked when the console
 * first needs the cluster, because a standalone node learns its embedded NameServer's port only at start.
 */
@FunctionalInterface
public interface ConsoleNameServer {

    /** The address list; blank while it is not known yet. */
    String address();
}
