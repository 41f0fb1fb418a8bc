package io.couriermq.namesrv;

import io.couriermq.acl.AclConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;

/**
 * Settings of a NameServer.
 *
 * @param remoting the listening socket and frame limits
 * @param brokerExpiryMs how long a broker may stay silent before its routes are dropped, unless its
 *     registration states its own timeout
 * @param expiryScanIntervalMs how often silent brokers are looked for
 * @param orderMessageEnable answer routes with the ORDER_TOPIC_CONFIG entry of the topic, as the
 *     official NameServer's setting of the same name does
 * @param acl null (the default, as RocketMQ 5.2.0, whose NameServer has no ACL) to answer everyone; else
 *     the accounts whose admins alone may change the NameServer's state (reads stay open, see {@code
 *     NameServerAccess})
 */
public record NameServerConfig(
        RemotingServerConfig remoting,
        long brokerExpiryMs,
        long expiryScanIntervalMs,
        boolean orderMessageEnable,
        AclConfig acl) {

    public static final int DEFAULT_PORT = 9876;
    public static final long DEFAULT_BROKER_EXPIRY_MS = 120_000;
    public static final long DEFAULT_EXPIRY_SCAN_INTERVAL_MS = 5_000;

    public NameServerConfig {
        if (brokerExpiryMs <= 0 || expiryScanIntervalMs <= 0) {
            throw new IllegalArgumentException("brokerExpiryMs and expiryScanIntervalMs must be positive, were "
                    + brokerExpiryMs + " and " + expiryScanIntervalMs);
        }
    }

    /** Without ACL. */
    public NameServerConfig(
            RemotingServerConfig remoting, long brokerExpiryMs, long expiryScanIntervalMs, boolean orderMessageEnable) {
        this(remoting, brokerExpiryMs, expiryScanIntervalMs, orderMessageEnable, null);
    }

    public static NameServerConfig defaults(int port) {
        return new NameServerConfig(
                RemotingServerConfig.defaults(port), DEFAULT_BROKER_EXPIRY_MS, DEFAULT_EXPIRY_SCAN_INTERVAL_MS, false);
    }

    public NameServerConfig withExpiry(long expiryMs, long scanIntervalMs) {
        return new NameServerConfig(remoting, expiryMs, scanIntervalMs, orderMessageEnable, acl);
    }

    public NameServerConfig withOrderMessageEnable(boolean enable) {
        return new NameServerConfig(remoting, brokerExpiryMs, expiryScanIntervalMs, enable, acl);
    }

    /** {@code acl} null turns ACL off. */
    public NameServerConfig withAcl(AclConfig acl) {
        return new NameServerConfig(remoting, brokerExpiryMs, expiryScanIntervalMs, orderMessageEnable, acl);
    }

    public boolean aclEnable() {
        return acl != null;
    }
}
